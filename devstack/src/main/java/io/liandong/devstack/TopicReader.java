package io.liandong.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from its beginning, for tests: no consumer group, nothing committed, every
 * partition. Keys are strings, values bytes (CloudEvents in binary mode carry JSON bodies).
 *
 * <pre>
 * try (TopicReader reader = new TopicReader(Devstack.kafka().bootstrapServers(), "liandong.dispatch.events")) {
 *     var records = reader.readUntil(rs -&gt; rs.stream().anyMatch(r -&gt; id.equals(r.key())), Duration.ofSeconds(30));
 *     assertThat(TopicReader.header(records.get(0), "ce_type")).isEqualTo("io.liandong.incident.reported.v1");
 * }
 * </pre>
 */
public final class TopicReader implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private boolean assigned;

    public TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "devstack-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Polls until {@code done} holds for everything read so far (from the topic's beginning), and
     * returns all of it in the order read (per partition, the order written).
     *
     * @throws AssertionError if {@code done} does not hold within {@code timeout}
     */
    public List<ConsumerRecord<String, byte[]>> readUntil(Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!assigned) {
                assignAll(deadline);
            }
            if (assigned) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                }
            }
            List<ConsumerRecord<String, byte[]>> soFar = Collections.unmodifiableList(new ArrayList<>(records));
            if (assigned && done.test(soFar)) {
                return soFar;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("topic " + topic + ": the condition did not hold within " + timeout.toMillis()
                        + " ms; " + records.size() + " record(s) read" + (assigned ? "" : " (the topic has no partitions yet)"));
            }
        }
    }

    /** Everything read so far. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    /** The last value of header {@code name} as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void assignAll(long deadline) {
        List<PartitionInfo> partitions;
        try {
            // Asking for metadata creates the topic when the broker auto-creates topics.
            partitions = consumer.partitionsFor(topic, Duration.ofMillis(Math.max(100, Math.min(2000, (deadline - System.nanoTime()) / 1_000_000))));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return;
        }
        if (partitions == null || partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        assigned = true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
