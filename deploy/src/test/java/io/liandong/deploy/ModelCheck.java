package io.liandong.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every rendered object against a real model of its kind: Kubernetes objects against fabric8's
 * kubernetes-model, Strimzi resources against Strimzi's own API model, CloudNativePG resources against
 * the JSON Schema in {@code schemas/cloudnative-pg.schema.json}.
 *
 * <p>The models keep what they do not know in "additional properties" instead of failing, so after
 * reading an object this walks it and reports every unknown field, with its path: a misspelled field
 * fails here instead of being silently dropped by the API server. Fields the model marks deprecated
 * (for Strimzi: those gone from its v1 API) fail too. Numbers and booleans written as strings fail.
 */
final class ModelCheck {

    /** apiVersion + kind → the model class. Anything not here is an error: add its model first. */
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** apiVersion + kind checked against the CloudNativePG schema. */
    private static final Set<String> SCHEMA_CHECKED = Set.of(
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/Database",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private static final JsonSchema CLOUDNATIVE_PG = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:schemas/cloudnative-pg.schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private ModelCheck() {
    }

    static List<String> check(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : rendered.manifests()) {
            problems.addAll(check(manifest));
        }
        return problems;
    }

    static List<String> check(Manifest manifest) {
        String type = manifest.apiVersion() + "/" + manifest.kind();
        if (SCHEMA_CHECKED.contains(type)) {
            return CLOUDNATIVE_PG.validate(manifest.node()).stream()
                    .map(ValidationMessage::getMessage)
                    .sorted()
                    .map(message -> manifest.id() + ": " + message)
                    .toList();
        }
        Class<?> model = MODELS.get(type);
        if (model == null) {
            return List.of(manifest.id() + ": no model for apiVersion " + manifest.apiVersion() + ", kind "
                    + manifest.kind() + " (a typo, an unsupported API version, or a kind ModelCheck must learn)");
        }
        Object object;
        try {
            object = STRICT.treeToValue(manifest.node(), model);
        } catch (JsonProcessingException e) {
            return List.of(manifest.id() + ": does not fit " + model.getSimpleName() + ": " + e.getOriginalMessage()
                    + " at " + pathOf(e));
        }
        List<String> problems = new ArrayList<>();
        walk(object, manifest.node(), "", problems, new IdentityHashMap<>());
        return problems.stream().map(problem -> manifest.id() + ": " + problem).toList();
    }

    /** Walks the model and its source node side by side, reporting unknown and deprecated fields. */
    private static void walk(Object value, JsonNode node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || node == null || node.isMissingNode() || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            Iterator<?> it = items.iterator();
            for (int i = 0; it.hasNext(); i++) {
                walk(it.next(), node.path(i), path + "[" + i + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, node.path(String.valueOf(key)), path + "." + key, problems, seen));
            return;
        }
        String packageName = value.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8.") && !packageName.startsWith("io.strimzi.")) {
            return;
        }
        for (Map.Entry<String, Object> unknown : additionalProperties(value).entrySet()) {
            problems.add(child(path, unknown.getKey()) + ": unknown field '" + unknown.getKey() + "'");
        }
        BeanDescription bean = STRICT.getSerializationConfig().introspect(STRICT.constructType(value.getClass()));
        for (BeanPropertyDefinition property : bean.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            JsonNode childNode = node.get(property.getName());
            if (accessor == null || childNode == null) {
                continue;
            }
            String childPath = child(path, property.getName());
            if (accessor.hasAnnotation(Deprecated.class)) {
                problems.add(childPath + ": '" + property.getName() + "' is deprecated in this API version");
            }
            walk(accessor.getValue(value), childNode, childPath, problems, seen);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> additionalProperties(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            Object result = getter.invoke(value);
            return result instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the additional properties of " + value.getClass(), e);
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "(unknown path)";
    }
}
