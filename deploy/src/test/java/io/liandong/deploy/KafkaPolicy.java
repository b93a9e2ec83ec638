package io.liandong.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liandong.contracts.Service;
import io.liandong.contracts.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Kafka on Strimzi as the design asks: KRaft node pools (three controllers and three brokers when
 * highly available), a KafkaTopic for exactly the topics of event-contracts with the replication the
 * shape needs, and a KafkaUser per service that may write only its own events and dead-letter topics,
 * read the topics its application.properties subscribes to, and use its own consumer group.
 */
final class KafkaPolicy {

    private static final Map<String, Integer> HA_CLUSTER_CONFIG = Map.of(
            "default.replication.factor", 3,
            "min.insync.replicas", 2,
            "offsets.topic.replication.factor", 3,
            "transaction.state.log.replication.factor", 3,
            "transaction.state.log.min.isr", 2);

    private KafkaPolicy() {
    }

    static List<String> check(Rendered rendered, Shape shape) {
        List<String> problems = new ArrayList<>();
        List<Manifest> clusters = rendered.ofKind("Kafka").toList();
        if (clusters.size() != 1) {
            problems.add(rendered.source() + ": must render exactly one Kafka, not " + clusters.size());
            return problems;
        }
        Manifest kafka = clusters.get(0);
        int brokers = nodes(rendered, kafka.name(), "broker", problems);
        int controllers = nodes(rendered, kafka.name(), "controller", problems);
        cluster(kafka, shape, brokers, controllers, problems);
        topics(rendered, kafka.name(), shape, brokers, problems);
        users(rendered, kafka.name(), problems);
        return problems;
    }

    /** {@code <cluster>-kafka-bootstrap:<port>} of the TLS listener with SCRAM-SHA-512 the services use. */
    static String tlsBootstrap(Rendered rendered) {
        for (Manifest kafka : rendered.ofKind("Kafka").toList()) {
            for (JsonNode listener : kafka.spec().path("kafka").path("listeners")) {
                if (listener.path("tls").asBoolean(false)
                        && listener.path("authentication").path("type").asText().equals("scram-sha-512")) {
                    return kafka.name() + "-kafka-bootstrap:" + listener.path("port").asInt();
                }
            }
        }
        return "(no TLS listener with SCRAM-SHA-512)";
    }

    private static int nodes(Rendered rendered, String cluster, String role, List<String> problems) {
        int count = 0;
        for (Manifest pool : rendered.ofKind("KafkaNodePool").toList()) {
            if (!cluster.equals(pool.labels().path("strimzi.io/cluster").asText())) {
                problems.add(pool.id() + ": label strimzi.io/cluster must be " + cluster);
                continue;
            }
            if (StreamSupport.stream(pool.spec().path("roles").spliterator(), false).anyMatch(r -> r.asText().equals(role))) {
                count += pool.spec().path("replicas").asInt();
            }
        }
        return count;
    }

    private static void cluster(Manifest kafka, Shape shape, int brokers, int controllers, List<String> problems) {
        String id = kafka.id();
        if (controllers < 1 || brokers < 1) {
            problems.add(id + ": KRaft needs node pools with controller and broker roles (controllers " + controllers
                    + ", brokers " + brokers + ")");
        }
        if (shape == Shape.HIGHLY_AVAILABLE && (controllers != 3 || brokers != 3)) {
            problems.add(id + ": highly available means 3 controllers and 3 brokers, not " + controllers + " and " + brokers);
        }
        if (shape == Shape.SINGLE_NODE && (controllers != 1 || brokers != 1)) {
            problems.add(id + ": dev runs one dual-role Kafka node, not " + controllers + " controllers and " + brokers + " brokers");
        }
        if (tlsBootstrap(new Rendered(id, List.of(kafka))).startsWith("(")) {
            problems.add(id + ": needs a TLS listener with SCRAM-SHA-512 authentication for the services");
        }
        if (!kafka.spec().path("kafka").path("authorization").path("type").asText().equals("simple")) {
            problems.add(id + ": needs simple authorization, or the KafkaUsers' ACLs mean nothing");
        }
        JsonNode config = kafka.spec().path("kafka").path("config");
        if (!config.path("auto.create.topics.enable").isBoolean() || config.path("auto.create.topics.enable").asBoolean()) {
            problems.add(id + ": auto.create.topics.enable must be false: topics exist only as KafkaTopics");
        }
        for (Map.Entry<String, Integer> setting : HA_CLUSTER_CONFIG.entrySet()) {
            int value = config.path(setting.getKey()).asInt(-1);
            if (value < 1 || value > brokers) {
                problems.add(id + ": " + setting.getKey() + " is " + config.path(setting.getKey()) + ", must be 1.." + brokers);
            } else if (shape == Shape.HIGHLY_AVAILABLE && value != setting.getValue()) {
                problems.add(id + ": " + setting.getKey() + " must be " + setting.getValue() + ", not " + value);
            }
        }
        if (kafka.spec().path("kafkaExporter").isMissingNode()) {
            problems.add(id + ": needs the Kafka Exporter for consumer lag and dead-letter counts");
        }
    }

    private static void topics(Rendered rendered, String cluster, Shape shape, int brokers, List<String> problems) {
        List<String> declared = new ArrayList<>();
        Map<String, Integer> partitions = new HashMap<>();
        for (Manifest topic : rendered.ofKind("KafkaTopic").toList()) {
            JsonNode spec = topic.spec();
            String name = spec.path("topicName").asText(topic.name());
            declared.add(name);
            partitions.put(name, spec.path("partitions").asInt(0));
            String id = topic.id() + " (" + name + ")";
            if (!cluster.equals(topic.labels().path("strimzi.io/cluster").asText())) {
                problems.add(id + ": label strimzi.io/cluster must be " + cluster);
            }
            int replicas = spec.path("replicas").asInt(0);
            int minInSync = spec.path("config").path("min.insync.replicas").asInt(0);
            if (spec.path("partitions").asInt(0) < 1) {
                problems.add(id + ": needs partitions");
            }
            if (replicas < 1 || replicas > brokers) {
                problems.add(id + ": replicas " + replicas + " must be 1.." + brokers + " (the brokers)");
            }
            if (minInSync < 1 || minInSync > replicas || (replicas > 1 && minInSync == replicas)) {
                problems.add(id + ": min.insync.replicas " + minInSync + " must be below replicas " + replicas
                        + " (or 1 with one replica), or one lost broker stops every write");
            }
            if (shape == Shape.HIGHLY_AVAILABLE && (replicas != 3 || minInSync != 2)) {
                problems.add(id + ": highly available means replicas 3 and min.insync.replicas 2, not " + replicas + " and " + minInSync);
            }
            if (!spec.path("config").hasNonNull("retention.ms")) {
                problems.add(id + ": needs retention.ms");
            }
        }
        if (new HashSet<>(declared).size() != declared.size()) {
            problems.add(rendered.source() + ": a topic is declared twice: " + declared);
        }
        if (!new TreeSet<>(declared).equals(new TreeSet<>(Topics.ALL))) {
            problems.add(rendered.source() + ": KafkaTopics " + new TreeSet<>(declared)
                    + " must be exactly event-contracts' Topics.ALL " + new TreeSet<>(Topics.ALL));
        }
        // Consumers scale by partitions: a replica beyond the partition count would sit idle.
        for (Service service : Service.values()) {
            int maxReplicas = rendered.get("HorizontalPodAutoscaler", service.serviceName()).path("spec").path("maxReplicas").asInt(0);
            for (String topic : ConfigurationPolicy.config(service).incomingTopics()) {
                int count = partitions.getOrDefault(topic, 0);
                if (maxReplicas > count) {
                    problems.add(service.serviceName() + ": scales to " + maxReplicas + " replicas but reads " + topic
                            + " with " + count + " partitions");
                }
            }
        }
    }

    private static void users(Rendered rendered, String cluster, List<String> problems) {
        for (Service service : Service.values()) {
            ServiceConfig config = ConfigurationPolicy.config(service);
            String name = service.serviceName();
            JsonNode user = rendered.get("KafkaUser", name);
            if (user.isMissingNode()) {
                problems.add(rendered.source() + ": no KafkaUser " + name);
                continue;
            }
            String id = "KafkaUser/" + name;
            if (!cluster.equals(user.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problems.add(id + ": label strimzi.io/cluster must be " + cluster);
            }
            if (!user.path("spec").path("authentication").path("type").asText().equals("scram-sha-512")) {
                problems.add(id + ": authentication must be scram-sha-512");
            }
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String type = resource.path("type").asText();
                String resourceName = resource.path("name").asText();
                if (!resource.path("patternType").asText("literal").equals("literal") || resourceName.contains("*")) {
                    problems.add(id + ": ACL on " + type + " " + resourceName + " must name one resource (literal), not a pattern");
                }
                if (acl.path("type").asText("allow").equals("deny")) {
                    continue;
                }
                for (String operation : operations(acl)) {
                    switch (type + ":" + operation) {
                        case "topic:Write" -> writes.add(resourceName);
                        case "topic:Read" -> reads.add(resourceName);
                        case "topic:Describe" -> { }
                        case "group:Read", "group:Describe" -> groups.add(resourceName);
                        default -> problems.add(id + ": may not " + operation + " on " + type + " " + resourceName);
                    }
                }
            }
            Set<String> ownTopics = new TreeSet<>(List.of(service.eventsTopic(), service.deadLetterTopic()));
            if (!writes.equals(ownTopics)) {
                problems.add(id + ": must write exactly its own topics " + ownTopics + ", not " + writes);
            }
            if (!reads.equals(config.incomingTopics())) {
                problems.add(id + ": must read exactly the topics its application.properties subscribes to "
                        + config.incomingTopics() + ", not " + reads);
            }
            Set<String> ownGroup = Set.of(config.shortName() + "-service");
            if (!groups.equals(ownGroup)) {
                problems.add(id + ": must use exactly its own consumer group " + ownGroup + ", not " + groups);
            }
        }
    }

    private static List<String> operations(JsonNode acl) {
        List<String> operations = new ArrayList<>();
        acl.path("operations").forEach(o -> operations.add(o.asText()));
        if (acl.hasNonNull("operation")) {
            operations.add(acl.path("operation").asText());
        }
        return operations;
    }
}
