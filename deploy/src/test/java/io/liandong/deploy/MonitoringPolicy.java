package io.liandong.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Prometheus scrapes every service's /q/metrics, the Kafka Exporter and PostgreSQL; the Grafana
 * dashboard ships as a ConfigMap and charts information delay per hop, deadline warnings and
 * breaches, overdue commitments, consumer lag and dead letters, with metric names that exist.
 */
final class MonitoringPolicy {

    /** Metrics the dashboard must chart. */
    static final Set<String> CHARTED = Set.of(
            "liandong_information_delay_seconds_bucket",
            "liandong_outbox_relay_delay_seconds_bucket",
            "liandong_outbox_relay_failures_total",
            "liandong_inbox_duplicates_total",
            "liandong_assignment_deadline_breaches_total",
            "liandong_followup_items_overdue",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_topic_partition_current_offset");

    /** Charted before the services export them, so the panels light up once they do (docs/deploy.md says so). */
    static final Set<String> PENDING = Set.of(
            "liandong_assignment_deadline_breaches_total",
            "liandong_followup_items_overdue");

    /** What an operator must find on the dashboard, by panel title. */
    static final List<String> TITLES = List.of(
            "information delay", "deadline warning", "deadline breach", "overdue", "consumer lag", "dead letter");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC = Pattern.compile("\\b((?:liandong|kafka)_[a-z0-9_]+)\\b");
    private static final Pattern METER = Pattern.compile(
            "(?:Timer|Counter|Gauge|DistributionSummary|LongTaskTimer|FunctionCounter|TimeGauge)\\.builder\\(\\s*\"([a-z0-9_.]+)\""
                    + "|\\.(?:counter|timer|gauge|summary|gaugeCollectionSize|gaugeMapSize)\\(\\s*\"([a-z0-9_.]+)\""
                    + "|@(?:Counted|Timed)\\(\\s*(?:value\\s*=\\s*)?\"([a-z0-9_.]+)\"");
    private static final Pattern DLQ_SELECTOR = Pattern.compile("kafka_topic_partition_current_offset\\{[^}]*topic=~\"liandong\\.\\*dlq\"");

    private MonitoringPolicy() {
    }

    static List<String> check(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        scraping(rendered, problems);
        List<Manifest> dashboards = rendered.ofKind("ConfigMap")
                .filter(c -> c.labels().path("grafana_dashboard").asText().equals("1"))
                .toList();
        if (dashboards.isEmpty()) {
            problems.add(rendered.source() + ": no Grafana dashboard ConfigMap (label grafana_dashboard: \"1\")");
        }
        for (Manifest configMap : dashboards) {
            configMap.node().path("data").properties().forEach(file -> {
                try {
                    problems.addAll(dashboard(configMap.id() + " " + file.getKey(), JSON.readTree(file.getValue().asText())));
                } catch (JsonProcessingException e) {
                    problems.add(configMap.id() + " " + file.getKey() + ": not JSON: " + e.getOriginalMessage());
                }
            });
        }
        return problems;
    }

    private static void scraping(Rendered rendered, List<String> problems) {
        for (Manifest deployment : rendered.ofKind("Deployment").toList()) {
            JsonNode podLabels = deployment.spec().path("template").path("metadata").path("labels");
            for (Manifest service : rendered.ofKind("Service").filter(s -> Rendered.selects(s.spec().path("selector"), podLabels)).toList()) {
                Set<String> ports = new TreeSet<>();
                service.spec().path("ports").forEach(p -> ports.add(p.path("name").asText()));
                boolean scraped = rendered.ofKind("ServiceMonitor")
                        .filter(m -> Rendered.selects(m.spec().path("selector").path("matchLabels"), service.labels()))
                        .flatMap(m -> StreamSupport.stream(m.spec().path("endpoints").spliterator(), false))
                        .anyMatch(e -> ports.contains(e.path("port").asText()) && e.path("path").asText().equals("/q/metrics"));
                if (!scraped) {
                    problems.add(service.id() + ": no ServiceMonitor scrapes /q/metrics on one of its ports " + ports);
                }
            }
        }
        for (Manifest kafka : rendered.ofKind("Kafka").toList()) {
            String exporter = kafka.name() + "-kafka-exporter";
            if (rendered.ofKind("PodMonitor").noneMatch(m -> exporter.equals(m.spec().path("selector").path("matchLabels").path("strimzi.io/name").asText()))) {
                problems.add(kafka.id() + ": no PodMonitor scrapes its Kafka Exporter (" + exporter + ")");
            }
        }
        for (Manifest cluster : rendered.ofKind("Cluster").toList()) {
            if (rendered.ofKind("PodMonitor").noneMatch(m -> cluster.name().equals(m.spec().path("selector").path("matchLabels").path("cnpg.io/cluster").asText()))) {
                problems.add(cluster.id() + ": no PodMonitor scrapes its instances");
            }
        }
    }

    /** Checks one Grafana dashboard. */
    static List<String> dashboard(String where, JsonNode dashboard) {
        List<String> problems = new ArrayList<>();
        if (dashboard.path("uid").asText("").isEmpty() || dashboard.path("title").asText("").isEmpty()) {
            problems.add(where + ": a dashboard needs a uid and a title");
        }
        Set<String> used = new TreeSet<>();
        List<String> titles = new ArrayList<>();
        StringBuilder expressions = new StringBuilder();
        for (JsonNode panel : panels(dashboard)) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            String title = panel.path("title").asText("");
            titles.add(title.toLowerCase(Locale.ROOT));
            if (panel.path("targets").isEmpty()) {
                problems.add(where + ": panel '" + title + "' has no query");
            }
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (expr.isBlank()) {
                    problems.add(where + ": panel '" + title + "' has a query without expr");
                }
                expressions.append(expr).append('\n');
                Matcher m = METRIC.matcher(expr);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String metric : CHARTED) {
            if (!used.contains(metric)) {
                problems.add(where + ": charts no " + metric);
            }
        }
        for (String title : TITLES) {
            if (titles.stream().noneMatch(t -> t.contains(title))) {
                problems.add(where + ": no panel titled with '" + title + "'");
            }
        }
        if (!DLQ_SELECTOR.matcher(expressions).find()) {
            problems.add(where + ": dead letters must be counted with kafka_topic_partition_current_offset{topic=~\"liandong.*dlq\"}");
        }
        Set<String> exported = exportedMeters();
        for (String metric : used) {
            if (metric.startsWith("liandong_") && !PENDING.contains(metric) && !exported.contains(meterOf(metric))) {
                problems.add(where + ": " + metric + " is exported by no service (meters found: " + exported + ")");
            }
        }
        return problems;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** {@code liandong_information_delay_seconds_bucket} → {@code liandong_information_delay}. */
    static String meterOf(String prometheusName) {
        return prometheusName.replaceAll("_(bucket|count|sum|max|total)$", "").replaceAll("_seconds$", "");
    }

    /** Micrometer meter names registered anywhere in the services' and platform-support's sources, dots as underscores. */
    static Set<String> exportedMeters() {
        Set<String> meters = new TreeSet<>();
        try (Stream<Path> modules = Files.list(Repository.root())) {
            for (Path sources : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(f -> f.toString().endsWith(".java")).map(Repository::read).forEach(text -> {
                        Matcher m = METER.matcher(text);
                        while (m.find()) {
                            for (int group = 1; group <= m.groupCount(); group++) {
                                if (m.group(group) != null) {
                                    meters.add(m.group(group).replace('.', '_'));
                                }
                            }
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meters;
    }
}
