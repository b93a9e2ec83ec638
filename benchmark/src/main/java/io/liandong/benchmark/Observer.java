package io.liandong.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liandong.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A reference consumer of the four event topics, with the client's default fetch settings (as the
 * services' consumers): notes when each event becomes readable on Kafka, and hands the load the
 * assignments it may acknowledge.
 */
final class Observer implements AutoCloseable {

    /** One event as seen on Kafka. Times in epoch microseconds; {@code createTimeMicros} is the producer's record timestamp (ms). */
    record Seen(String eventId, String topic, String type, String subject, String incidentId, long ceTimeMicros,
                long createTimeMicros, long receivedMicros) {
    }

    /** An {@code assignment.created}: which agency's inbox it goes to. */
    record Assignment(String assignmentId, String incidentId, String agencyId, long seenMicros) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Consumer<Assignment> assignments;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean recording;

    Observer(String bootstrapServers, Consumer<Assignment> assignments) {
        this.assignments = assignments;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-observer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "benchmark-observer");
        thread.setDaemon(true);
        thread.start();
    }

    /** From now on, events are kept for the hop figures (before: warm-up, only handed to the load). */
    void record(boolean on) {
        recording = on;
    }

    Map<String, Seen> seen() {
        return seen;
    }

    int count() {
        return seen.size();
    }

    /**
     * How many of {@code events} there were of each type, the most frequent first (ties by type): what the
     * services published beside what the load asked for, such as deadline warnings or a surge's links.
     */
    static Map<String, Long> countByType(Collection<Seen> events) {
        Map<String, Long> counts = events.stream().collect(Collectors.groupingBy(Seen::type, Collectors.counting()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The events kept whose own time is at or before {@code micros}. */
    long countUntil(long micros) {
        return seen.values().stream().filter(e -> e.ceTimeMicros() <= micros).count();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                long received = Micros.now();
                String id = header(r, "ce_id");
                String type = header(r, "ce_type");
                if (id == null || type == null) {
                    continue;
                }
                String time = header(r, "ce_time");
                long ceTime = time == null ? Long.MIN_VALUE : Micros.of(Instant.parse(time));
                if (recording) {
                    seen.put(id, new Seen(id, r.topic(), type, header(r, "ce_subject"), header(r, "ce_incidentid"),
                            ceTime, r.timestamp() * 1000, received));
                }
                if (type.equals("io.liandong.assignment.created.v1")) {
                    try {
                        JsonNode data = JSON.readTree(r.value());
                        assignments.accept(new Assignment(data.path("assignmentId").asText(),
                                data.path("incidentId").asText(), data.path("agencyId").asText(), received));
                    } catch (java.io.IOException e) {
                        // not ours to judge; the services dead-letter poison
                    }
                }
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
