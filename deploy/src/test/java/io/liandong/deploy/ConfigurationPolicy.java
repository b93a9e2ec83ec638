package io.liandong.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.liandong.contracts.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Each service deployed once, from the image the build produces, with only environment variables
 * its configuration reads, and wired to its own database, role, password Secret and Kafka user.
 */
final class ConfigurationPolicy {

    private static final Map<Service, ServiceConfig> CONFIGS = new ConcurrentHashMap<>();

    private ConfigurationPolicy() {
    }

    static ServiceConfig config(Service service) {
        return CONFIGS.computeIfAbsent(service, ServiceConfig::of);
    }

    static List<String> check(Rendered rendered, String version) {
        List<String> problems = new ArrayList<>();
        Set<String> deployed = rendered.ofKind("Deployment").map(Manifest::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = Arrays.stream(Service.values()).map(Service::serviceName).collect(Collectors.toCollection(TreeSet::new));
        if (!deployed.equals(expected)) {
            problems.add(rendered.source() + ": Deployments " + deployed + " must be exactly the services " + expected);
        }
        for (Service service : Service.values()) {
            rendered.find("Deployment", service.serviceName())
                    .ifPresent(deployment -> check(rendered, deployment, config(service), version, problems));
        }
        return problems;
    }

    private static void check(Rendered rendered, Manifest deployment, ServiceConfig config, String version, List<String> problems) {
        JsonNode containers = deployment.spec().path("template").path("spec").path("containers");
        for (JsonNode container : containers) {
            String where = deployment.id() + " container " + container.path("name").asText("?");
            String image = "liandong/" + deployment.name() + ":" + version;
            if (!image.equals(container.path("image").asText())) {
                problems.add(where + ": image must be " + image + " (what deploy/build-images.sh builds), not "
                        + container.path("image").asText("(none)"));
            }
            Map<String, JsonNode> environment = environment(rendered, container, where, problems);
            for (String name : environment.keySet()) {
                if (!config.knows(name)) {
                    problems.add(where + ": sets " + name + ", which maps to no configuration property of "
                            + config.service().serviceName() + " (application.properties, platform-support, @ConfigMapping)"
                            + " nor to a Kafka client security setting");
                }
            }
            wiring(rendered, deployment, container, config, environment, where, problems);
        }
    }

    /** Every variable the container gets, from env and from the ConfigMaps of envFrom: literal text or a valueFrom. */
    private static Map<String, JsonNode> environment(Rendered rendered, JsonNode container, String where, List<String> problems) {
        Map<String, JsonNode> environment = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("secretRef")) {
                problems.add(where + ": takes a whole Secret through envFrom; name each variable with secretKeyRef instead");
                continue;
            }
            String name = from.path("configMapRef").path("name").asText();
            JsonNode configMap = rendered.get("ConfigMap", name);
            if (configMap.isMissingNode()) {
                problems.add(where + ": envFrom names ConfigMap " + name + ", which is not rendered");
                continue;
            }
            configMap.path("data").properties().forEach(e -> environment.put(e.getKey(), e.getValue()));
        }
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(),
                    variable.has("valueFrom") ? variable.path("valueFrom") : TextNode.valueOf(variable.path("value").asText("")));
        }
        return environment;
    }

    private static void wiring(Rendered rendered, Manifest deployment, JsonNode container, ServiceConfig config,
                               Map<String, JsonNode> environment, String where, List<String> problems) {
        String db = config.shortName();
        String url = environment.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", TextNode.valueOf("")).asText();
        String cluster = rendered.ofKind("Cluster").map(Manifest::name).findFirst().orElse("(no Cluster)");
        String expectedUrl = "jdbc:postgresql://" + cluster + "-rw:5432/" + db;
        if (!url.equals(expectedUrl) && !url.startsWith(expectedUrl + "?")) {
            problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL must point at " + expectedUrl + ", not '" + url + "'");
        }
        String user = environment.getOrDefault("QUARKUS_DATASOURCE_USERNAME", TextNode.valueOf("")).asText();
        if (!user.equals(db)) {
            problems.add(where + ": QUARKUS_DATASOURCE_USERNAME must be its own role " + db + ", not '" + user + "'");
        }
        String passwordSecret = environment.getOrDefault("LIANDONG_DB_PASSWORD", TextNode.valueOf("")).path("secretKeyRef").path("name").asText("");
        String rolePassword = rolePasswordSecret(rendered, db);
        if (passwordSecret.isEmpty()) {
            problems.add(where + ": LIANDONG_DB_PASSWORD must come from a Secret (secretKeyRef)");
        } else if (!passwordSecret.equals(rolePassword)) {
            problems.add(where + ": LIANDONG_DB_PASSWORD comes from Secret " + passwordSecret
                    + " but CloudNativePG sets role " + db + "'s password from " + rolePassword);
        }

        String bootstrap = environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", TextNode.valueOf("")).asText();
        String expectedBootstrap = KafkaPolicy.tlsBootstrap(rendered);
        if (!bootstrap.equals(expectedBootstrap)) {
            problems.add(where + ": KAFKA_BOOTSTRAP_SERVERS must be " + expectedBootstrap + ", not '" + bootstrap + "'");
        }
        JsonNode jaas = environment.getOrDefault("KAFKA_SASL_JAAS_CONFIG", TextNode.valueOf("")).path("secretKeyRef");
        if (!jaas.path("name").asText().equals(deployment.name()) || !jaas.path("key").asText().equals("sasl.jaas.config")
                || rendered.find("KafkaUser", deployment.name()).isEmpty()) {
            problems.add(where + ": KAFKA_SASL_JAAS_CONFIG must come from key sasl.jaas.config of the Secret Strimzi writes"
                    + " for KafkaUser " + deployment.name());
        }
        String port = environment.getOrDefault("QUARKUS_HTTP_PORT", TextNode.valueOf("")).asText();
        boolean portDeclared = StreamSupport.stream(container.path("ports").spliterator(), false)
                .anyMatch(p -> p.path("name").asText().equals("http") && p.path("containerPort").asText().equals(port));
        if (!portDeclared) {
            problems.add(where + ": QUARKUS_HTTP_PORT '" + port + "' must be the container port named http");
        }
    }

    private static String rolePasswordSecret(Rendered rendered, String role) {
        for (Manifest cluster : rendered.ofKind("Cluster").toList()) {
            for (JsonNode managed : cluster.spec().path("managed").path("roles")) {
                if (managed.path("name").asText().equals(role)) {
                    return managed.path("passwordSecret").path("name").asText("(none)");
                }
            }
        }
        return "(no managed role " + role + ")";
    }
}
