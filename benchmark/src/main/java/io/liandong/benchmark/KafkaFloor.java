package io.liandong.benchmark;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor: raw Kafka from a producer to a consumer, on the stack's broker, while the load runs, at
 * the rate the services publish events. The producer is as durable as the outbox relay's (idempotent,
 * {@code acks=all}) without lingering; the consumer has the client's default fetch settings. Latency is
 * from each record's due time on an open-loop schedule to its arrival at the consumer.
 */
final class KafkaFloor implements AutoCloseable {

    static final String TOPIC = "liandong.benchmark.floor";
    /** About the size of an event's JSON body. */
    private static final int VALUE_BYTES = 400;

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread consuming;
    private volatile boolean running = true;
    private volatile LatencyStats stats;

    KafkaFloor(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-floor");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-floor");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).forEach(i -> partitions.add(new TopicPartition(TOPIC, i.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.consuming = new Thread(this::consume, "benchmark-floor-consumer");
        consuming.setDaemon(true);
        consuming.start();
    }

    /**
     * Sends at {@code rate} records per second for {@code duration}, from {@code startNanos} (a
     * {@link System#nanoTime()} value), into {@code stats}. Returns when the last one is sent.
     */
    void run(double rate, Duration duration, LatencyStats into) {
        this.stats = into;
        Schedule schedule = new Schedule(rate);
        long n = schedule.requestsWithin(duration);
        long startNanos = System.nanoTime();
        long startMicros = Micros.now();
        byte[] padding = new byte[VALUE_BYTES - Long.BYTES];
        for (long i = 0; i < n && running; i++) {
            long due = startNanos + schedule.dueNanos(i);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long dueMicros = startMicros + schedule.dueNanos(i) / 1_000;
            byte[] value = ByteBuffer.allocate(VALUE_BYTES).putLong(dueMicros).put(padding).array();
            producer.send(new ProducerRecord<>(TOPIC, Long.toString(i), value));
        }
        producer.flush();
    }

    private void consume() {
        while (running) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                long received = Micros.now();
                LatencyStats into = stats;
                if (into != null && r.value() != null && r.value().length >= Long.BYTES) {
                    into.recordMicros(received - ByteBuffer.wrap(r.value()).getLong());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            consuming.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
