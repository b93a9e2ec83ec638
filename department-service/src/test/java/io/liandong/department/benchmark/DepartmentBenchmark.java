package io.liandong.department.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.Topics;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.department.support.Db;
import io.liandong.department.support.Dispatch;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * How fast an agency learns of its assignment and the HQ of the agency's answer: dispatch's
 * assignment.created on Kafka to the row in the inbox, and an acknowledgement's commit to its record
 * reaching a consumer of liandong.department.events (what dispatch-service's consumer sees).
 * Not a test: tagged benchmark and excluded from the default run.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
@Tag("benchmark")
class DepartmentBenchmark {

    static final int ASSIGNMENTS = 200;
    static final String AGENCY = "commerce-bureau";

    @Test
    void fromAssignmentCreatedToTheInboxAndFromAnAcknowledgementToKafka() throws Exception {
        List<Long> toInbox = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> warmUp = new ArrayList<>();
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers());
             var connection = DevstackTestResource.connection();
             var select = connection.prepareStatement("SELECT count(*) FROM inbox_assignment WHERE id = ?")) {
            for (int i = 0; i < ASSIGNMENTS + 20; i++) {
                AssignmentCreated created = Dispatch.assignment("inc-" + UUID.randomUUID(), "competent-department", AGENCY);
                EventEnvelope event = EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(), created, null, null);
                long sent = System.nanoTime();
                writer.send(CloudEventCodec.toRecord(event.topic(), event.partitionKey(), event));   // acked by the broker
                select.setString(1, created.assignmentId());
                while (true) {
                    try (var rs = select.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            break;
                        }
                    }
                }
                if (i >= 20) {                                                  // after a warm-up of 20
                    toInbox.add((System.nanoTime() - sent) / 1_000_000);
                    ids.add(created.assignmentId());
                } else {
                    warmUp.add(created.assignmentId());
                }
            }
        }

        // Warm the acknowledgement path up; this also creates the department topic before the reader looks for it.
        for (String id : warmUp) {
            acknowledge(id);
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() ->
                Db.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> requestedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.kafka().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEPARTMENT_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            assertThat(partitions).as("partitions of " + Topics.DEPARTMENT_EVENTS).isNotEmpty();
            partitions.forEach(consumer::position);
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    for (var r : consumer.poll(Duration.ofMillis(5))) {
                        if ("io.liandong.assignment.acknowledged.v1".equals(TopicReader.header(r, CloudEventHeaders.CE_TYPE))) {
                            receivedAt.putIfAbsent(TopicReader.header(r, CloudEventHeaders.CE_SUBJECT), System.currentTimeMillis());
                        }
                    }
                }
            });
            reader.start();
            for (String id : ids) {
                long start = System.currentTimeMillis();
                acknowledge(id);
                committedAt.put(id, System.currentTimeMillis());    // the 200 comes after the commit
                requestedAt.put(id, start);
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (receivedAt.size() < ids.size() && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            running.set(false);
            reader.join();
        }
        List<Long> toConsumer = new ArrayList<>();
        List<Long> fromRequest = new ArrayList<>();
        committedAt.forEach((id, at) -> {
            toConsumer.add(Math.max(0, receivedAt.get(id) - at));
            fromRequest.add(receivedAt.get(id) - requestedAt.get(id));
        });
        assertThat(toConsumer).hasSize(ASSIGNMENTS);
        report("""
                ### An assignment into the inbox, an acknowledgement out to Kafka (%s)
                %d assignments after a warm-up of 20, one after the other.
                | delay | p50 | p99 | max |
                | --- | --- | --- | --- |
                | assignment.created acknowledged by the broker to its row in the inbox (consumer, inbox, commit) | %d ms | %d ms | %d ms |
                | acknowledgement committed (200 received) to a consumer of liandong.department.events receiving it | %d ms | %d ms | %d ms |
                | acknowledgement request sent to a consumer receiving it (upper bound) | %d ms | %d ms | %d ms |
                """.formatted(Instant.now(), ASSIGNMENTS, percentile(toInbox, 50), percentile(toInbox, 99), Collections.max(toInbox),
                percentile(toConsumer, 50), percentile(toConsumer, 99), Collections.max(toConsumer),
                percentile(fromRequest, 50), percentile(fromRequest, 99), Collections.max(fromRequest)));
    }

    /**
     * How fast the consumer works off a backlog: {@code -Dbenchmark.backlog} assignment.created events (3000) are put on
     * Kafka at once, as fast as the producer goes, and the clock runs from the first send to the last inbox row.
     */
    @Test
    void aBacklogOfAssignmentsIsWorkedOff() throws Exception {
        int backlog = Integer.getInteger("benchmark.backlog", 3000);
        List<EventEnvelope> warmUp = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 300 + backlog; i++) {
            AssignmentCreated created = Dispatch.assignment("inc-" + UUID.randomUUID(), "competent-department", AGENCY);
            (i < 300 ? warmUp : events).add(EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(), created, null, null));
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            long before = Db.count("SELECT count(*) FROM inbox_assignment");
            warmUp.forEach(e -> producer.send(CloudEventCodec.toRecord(e.topic(), e.partitionKey(), e)));
            producer.flush();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Db.count("SELECT count(*) FROM inbox_assignment") == before + warmUp.size());

            long start = System.nanoTime();
            events.forEach(e -> producer.send(CloudEventCodec.toRecord(e.topic(), e.partitionKey(), e)));
            producer.flush();
            long sent = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Db.count("SELECT count(*) FROM inbox_assignment") == before + warmUp.size() + backlog);
            long done = System.nanoTime();
            report("""
                    ### A backlog of assignments worked off (%s)
                    %d assignment.created put on Kafka in %d ms after a warm-up of 300; the last in the inbox %d ms after the
                    first was sent: %.0f events/s.
                    """.formatted(Instant.now(), backlog, (sent - start) / 1_000_000, (done - start) / 1_000_000,
                    backlog * 1e9 / (done - start)));
        }
    }

    /**
     * What an agency waits for when it acknowledges an assignment of a surge incident: thousands of
     * grievances linked, each a timeline event. {@code -Dbenchmark.linked} sets how many (3000).
     */
    @Test
    void anAcknowledgementInASurgeIncident() throws Exception {
        int linked = Integer.getInteger("benchmark.linked", 3000);
        String incident = "inc-" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(600);
        List<EventEnvelope> events = new ArrayList<>();
        events.add(EventEnvelope.of(UUID.randomUUID().toString(), start, Dispatch.binjiang(incident, "330108"), null, null));
        for (int i = 0; i < linked; i++) {
            Instant at = start.plusMillis(1 + i);
            events.add(EventEnvelope.of(UUID.randomUUID().toString(), at,
                    new GrievanceLinked("grv-" + UUID.randomUUID(), incident, "grievance-service", at, "cls-surge"), null, null));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ASSIGNMENTS + 20; i++) {
            AssignmentCreated created = Dispatch.assignment(incident, "competent-department", AGENCY);
            ids.add(created.assignmentId());
            events.add(EventEnvelope.of(UUID.randomUUID().toString(), start.plusMillis(linked + 1 + i), created, null, null));
        }
        Dispatch.sendAll(events);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                Db.count("SELECT count(*) FROM incident_grievance WHERE incident_id = ?", incident) == linked
                        && Db.count("SELECT count(*) FROM inbox_assignment WHERE incident_id = ?", incident) == ids.size());

        for (String id : ids.subList(0, 20)) {                                   // warm-up
            acknowledge(id);
        }
        List<Long> micros = new ArrayList<>();
        long bytes = 0;
        for (String id : ids.subList(20, ids.size())) {
            long sent = System.nanoTime();
            bytes = acknowledge(id);
            micros.add((System.nanoTime() - sent) / 1_000);
        }
        report("""
                ### An acknowledgement in a surge incident of %d linked grievances (%s)
                %d acknowledgements after a warm-up of 20, one after the other; each answer %d bytes.
                | request | p50 | p99 | max |
                | --- | --- | --- | --- |
                | POST .../acknowledge, sent to its 200 received | %.1f ms | %.1f ms | %.1f ms |
                """.formatted(linked, Instant.now(), ASSIGNMENTS, bytes, percentile(micros, 50) / 1000.0,
                percentile(micros, 99) / 1000.0, Collections.max(micros) / 1000.0));
    }

    /** Acknowledges; returns the size of the answer. */
    private static long acknowledge(String id) {
        return As.agency(AGENCY).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"acknowledgedBy\": \"duty\"}").post("/api/v1/agencies/" + AGENCY + "/assignments/" + id + "/acknowledge")
                .then().statusCode(200).extract().asByteArray().length;
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void report(String text) throws Exception {
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark-results.md"), text + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
