package io.liandong.grievance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.liandong.platform.security.Roles;
import io.liandong.platform.testing.As;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * How many grievances per second grievance-service accepts with a durable commit (the 201 comes after
 * the PostgreSQL commit of the grievance, its outbox row and its surge bookkeeping) and a published
 * event (every {@code grievance.received} acknowledged by the Kafka broker, acks=all).
 *
 * <p>The devstack's shared test database runs without fsync; this tool starts a PostgreSQL of its own
 * with fsync, synchronous_commit and full_page_writes on ({@link DurablePostgres}), so a 201 means the
 * commit is on disk. Kafka is the devstack's broker.
 *
 * <p>A measuring tool, not a test: its name keeps it out of the default run. Run it with
 * <pre>
 * mvn -B -o verify -pl grievance-service -Dtest=GrievanceIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.grievances=5000 -Dbenchmark.concurrency=16
 * </pre>
 * With {@code -Dbenchmark.surge=true} every grievance is a merchant of one shopping district about the
 * rent, within 300 m of one office: a single surge cluster that grows to all of them, as on the worst day.
 * It then opens an incident from that surge and sends agencies' moves about it, and times how long
 * grievance-service takes to link the cluster and to bring every complainant's line up to date.
 * It prints its figures and writes them to {@code target/benchmark-grievance-intake.txt}.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "postgres", value = "false"))
@WithTestResource(DurablePostgres.class)
class GrievanceIntakeBenchmark {

    private static final String[] CATEGORIES = {"shop-rent", "management-fee", "unpaid-wages", "property-service", "public-gathering"};

    @TestHTTPResource("/api/v1/grievances")
    URI endpoint;

    @Test
    void measure() throws Exception {
        int total = Integer.getInteger("benchmark.grievances", 3000);
        int concurrency = Integer.getInteger("benchmark.concurrency", 16);
        int warmup = Integer.getInteger("benchmark.warmup", 500);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        assertDurable();
        try {
            run(http, clients, warmup, concurrency);
            awaitPublished();
            long outboxBefore = count("SELECT count(*) FROM outbox_event");

            long start = System.nanoTime();
            List<Long> latencies = run(http, clients, total, concurrency);
            long accepted = System.nanoTime();
            awaitPublished();
            long published = System.nanoTime();

            assertThat(count("SELECT count(*) FROM outbox_event") - outboxBefore).isGreaterThanOrEqualTo(total);
            latencies.sort(Long::compare);
            double acceptSeconds = (accepted - start) / 1e9;
            double publishSeconds = (published - start) / 1e9;
            String report = String.format(Locale.ROOT, """
                    grievance intake%s: %d grievances, %d concurrent clients (after %d warm-up)
                      accepted (201 after commit):          %.0f grievances/s  (%.2f s)
                      accepted and every event acknowledged: %.0f grievances/s  (%.2f s)
                      latency of POST /api/v1/grievances:   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms
                    """, SURGE ? " (one surge)" : "", total, concurrency, warmup, total / acceptSeconds, acceptSeconds, total / publishSeconds,
                    publishSeconds, ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99),
                    latencies.get(latencies.size() - 1) / 1e6);
            if (SURGE) {
                report += surgeIncident(http);
            }
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-grievance-intake.txt"), report);
        } finally {
            clients.shutdownNow();
        }
    }

    /** How many agencies' moves {@link #surgeIncident} sends after the incident takes the surge up. */
    private static final int MOVES = 20;

    /**
     * The HQ opens an incident from the surge: grievance-service links every grievance of the cluster in
     * one consumer transaction, while merchants go on filing, one every 50 ms; then each agency's move
     * tells every linked complainant the newest line.
     */
    private String surgeIncident(HttpClient http) throws Exception {
        String cluster = first("SELECT surge_cluster_id FROM grievance WHERE surge_cluster_id IS NOT NULL"
                + " GROUP BY surge_cluster_id ORDER BY count(*) DESC LIMIT 1");
        long members = count("SELECT count(*) FROM grievance WHERE surge_cluster_id = '" + cluster + "'");
        String incident = "inc-" + UUID.randomUUID();
        AtomicBoolean linking = new AtomicBoolean(true);
        List<Long> filings = new ArrayList<>();
        Thread merchants = new Thread(() -> {
            try {
                while (linking.get()) {
                    filings.add(file(http));
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        send(EventType.INCIDENT_REPORTED, incident, d -> {
            d.put("origin", "surge");
            d.put("surgeClusterId", cluster);
        });
        merchants.start();
        awaitCount("SELECT count(*) FROM grievance WHERE incident_id = '" + incident + "'", members);
        double linkSeconds = (System.nanoTime() - start) / 1e9;
        linking.set(false);
        merchants.join();
        filings.sort(Long::compare);

        long movesStart = System.nanoTime();
        List<String> moves = new ArrayList<>();
        for (int i = 0; i < MOVES; i++) {
            moves.add(send(EventType.ASSIGNMENT_ACKNOWLEDGED, incident, d -> { }).id());
        }
        awaitCount("SELECT count(*) FROM inbox_event WHERE event_id IN ('" + String.join("','", moves) + "')", MOVES);
        double movesSeconds = (System.nanoTime() - movesStart) / 1e9;
        return String.format(Locale.ROOT, """
                surge incident: the cluster's %d grievances linked in %.2f s (one consumer transaction)
                  meanwhile %d grievances filed into the surge, POST p50 %.1f ms, max %.1f ms
                  then %d agencies' moves, each bringing every linked grievance's line up to date: %.0f ms each
                """, members, linkSeconds, filings.size(), ms(filings, 0.5), filings.get(filings.size() - 1) / 1e6, MOVES,
                movesSeconds * 1000 / MOVES);
    }

    private static EventEnvelope send(EventType type, String incident, Consumer<ObjectNode> edit) {
        ObjectNode data = (ObjectNode) EventJson.readTree(type.sampleJson());
        data.put("incidentId", incident);
        edit.accept(data);
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(), EventJson.read(data.toString(), type),
                null, null);
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(type.topic(), incident, event));
        }
        return event;
    }

    private static void awaitCount(String sql, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (count(sql) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not " + expected + " within 10 minutes: " + sql);
            }
            Thread.sleep(5);
        }
    }

    /** The server really runs with durable commits. */
    private static void assertDurable() throws java.sql.SQLException {
        try (var connection = DurablePostgres.connection(); var statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    private List<Long> run(HttpClient http, ExecutorService clients, int count, int concurrency) throws Exception {
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int share = count / concurrency + (w < count % concurrency ? 1 : 0);
            workers.add(clients.submit(() -> {
                List<Long> mine = new ArrayList<>(share);
                for (int i = 0; i < share; i++) {
                    mine.add(file(http));
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>(count);
        for (Future<List<Long>> w : workers) {
            all.addAll(w.get());
        }
        return all;
    }

    /** Files one grievance; returns how long the 201 took, in nanoseconds. */
    private long file(HttpClient http) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + As.token(As.HQ_AGENCY, Roles.HQ_OPERATOR))
                .POST(HttpRequest.BodyPublishers.ofString(body())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
        }
        return System.nanoTime() - t;
    }

    /** Grievances all over the city, of every category: realistic for surge detection, which looks at neighbours. */
    private static final boolean SURGE = Boolean.getBoolean("benchmark.surge");

    private static String body() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        if (SURGE) {
            return String.format(Locale.ROOT, """
                    {"category": "shop-rent", "description": "商户反映租金上涨，管理公司不回应。第%d号",
                     "place": {"lat": %.6f, "lon": %.6f, "address": "滨江商圈", "areaCode": "330108"},
                     "channel": "web", "contact": {"phone": "138%08d"}}""",
                    r.nextInt(1_000_000), 30.2084 + (r.nextDouble() - 0.5) * 0.005, 120.2119 + (r.nextDouble() - 0.5) * 0.005,
                    r.nextInt(100_000_000));
        }
        return String.format(Locale.ROOT, """
                {"category": "%s", "description": "商户反映租金上涨，管理公司不回应。第%d号",
                 "place": {"lat": %.6f, "lon": %.6f, "address": "杭州市某商圈", "areaCode": "330%03d"},
                 "channel": "web", "contact": {"phone": "138%08d"}}""",
                CATEGORIES[r.nextInt(CATEGORIES.length)], r.nextInt(1_000_000), 30.0 + r.nextDouble() * 0.4,
                120.0 + r.nextDouble() * 0.4, r.nextInt(1000), r.nextInt(100_000_000));
    }

    private static void awaitPublished() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox did not drain within 5 minutes");
            }
            Thread.sleep(5);
        }
    }

    private static long count(String sql) {
        return Long.parseLong(first(sql));
    }

    /** The first column of the first row, as text. */
    private static String first(String sql) {
        try (var connection = DurablePostgres.connection(); var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
