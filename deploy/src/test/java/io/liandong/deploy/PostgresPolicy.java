package io.liandong.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liandong.contracts.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * PostgreSQL on CloudNativePG: one Cluster (three instances, a synchronous standby and continuous
 * backup when highly available), a login role with a password Secret and a Database owned by it for
 * every service, and enough connections for every replica the autoscalers may start.
 */
final class PostgresPolicy {

    /** Connections kept free for CloudNativePG, monitoring and people. */
    static final int RESERVED_CONNECTIONS = 10;

    /** PostgreSQL's own default for max_connections. */
    private static final int DEFAULT_MAX_CONNECTIONS = 100;

    private PostgresPolicy() {
    }

    static List<String> check(Rendered rendered, Shape shape) {
        List<String> problems = new ArrayList<>();
        List<Manifest> clusters = rendered.ofKind("Cluster").toList();
        if (clusters.size() != 1) {
            problems.add(rendered.source() + ": must render exactly one CloudNativePG Cluster, not " + clusters.size());
            return problems;
        }
        Manifest cluster = clusters.get(0);
        JsonNode spec = cluster.spec();
        int instances = spec.path("instances").asInt(0);
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        if (shape == Shape.HIGHLY_AVAILABLE) {
            if (instances != 3) {
                problems.add(cluster.id() + ": highly available means 3 instances, not " + instances);
            }
            if (synchronous.path("number").asInt(0) < 1 || !synchronous.path("dataDurability").asText("required").equals("required")) {
                problems.add(cluster.id() + ": highly available means synchronous replication to at least one standby,"
                        + " with dataDurability required");
            }
            backup(rendered, cluster, problems);
        } else if (instances != 1) {
            problems.add(cluster.id() + ": dev runs one instance, not " + instances);
        }

        for (Service service : Service.values()) {
            String db = ConfigurationPolicy.config(service).shortName();
            JsonNode role = StreamSupport.stream(spec.path("managed").path("roles").spliterator(), false)
                    .filter(r -> r.path("name").asText().equals(db))
                    .findFirst()
                    .orElse(null);
            if (role == null) {
                problems.add(cluster.id() + ": no managed role " + db + " for " + service.serviceName());
            } else {
                if (!role.path("login").asBoolean(false) || role.path("ensure").asText("present").equals("absent")) {
                    problems.add(cluster.id() + ": role " + db + " must be present and able to log in");
                }
                if (role.path("passwordSecret").path("name").asText("").isEmpty()) {
                    problems.add(cluster.id() + ": role " + db + " needs a passwordSecret");
                }
                if (role.path("superuser").asBoolean(false) || role.path("createrole").asBoolean(false)) {
                    problems.add(cluster.id() + ": role " + db + " must not be a superuser nor create roles");
                }
            }
            boolean database = rendered.ofKind("Database").anyMatch(d -> d.spec().path("name").asText().equals(db)
                    && d.spec().path("owner").asText().equals(db)
                    && d.spec().path("cluster").path("name").asText().equals(cluster.name()));
            if (!database) {
                problems.add(rendered.source() + ": no Database " + db + " owned by role " + db + " in " + cluster.id());
            }
        }
        connections(rendered, cluster, problems);
        return problems;
    }

    private static void backup(Rendered rendered, Manifest cluster, List<String> problems) {
        JsonNode archiver = StreamSupport.stream(cluster.spec().path("plugins").spliterator(), false)
                .filter(p -> p.path("isWALArchiver").asBoolean(false))
                .findFirst()
                .orElse(null);
        if (archiver == null) {
            problems.add(cluster.id() + ": highly available means continuous backup: a plugin with isWALArchiver true");
            return;
        }
        String store = archiver.path("parameters").path("barmanObjectName").asText("");
        if (rendered.find("ObjectStore", store).isEmpty()) {
            problems.add(cluster.id() + ": backup plugin names ObjectStore '" + store + "', which is not rendered");
        }
        if (rendered.ofKind("ScheduledBackup").noneMatch(b -> b.spec().path("cluster").path("name").asText().equals(cluster.name()))) {
            problems.add(cluster.id() + ": no ScheduledBackup takes base backups of it");
        }
    }

    /** Every replica of every service at its pool's size, plus the reserve, must fit in max_connections. */
    private static void connections(Rendered rendered, Manifest cluster, List<String> problems) {
        int max = cluster.spec().path("postgresql").path("parameters").path("max_connections").asInt(DEFAULT_MAX_CONNECTIONS);
        int needed = RESERVED_CONNECTIONS;
        for (Service service : Service.values()) {
            int replicas = rendered.get("HorizontalPodAutoscaler", service.serviceName()).path("spec").path("maxReplicas").asInt(1);
            needed += replicas * ConfigurationPolicy.config(service).poolSize();
        }
        if (needed > max) {
            problems.add(cluster.id() + ": max_connections " + max + " is below the " + needed
                    + " the services may open at their most replicas (plus " + RESERVED_CONNECTIONS + " reserved)");
        }
    }
}
