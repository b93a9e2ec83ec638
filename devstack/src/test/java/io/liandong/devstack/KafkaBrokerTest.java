package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final String TOPIC = "devstack.broker-test";

    @TempDir
    Path dir;

    @Test
    void producesConsumesAndSurvivesARestartOnTheSamePort() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().dataDir(dir).build()) {
            long t0 = System.nanoTime();
            broker.start();
            System.out.printf("[timing] Kafka broker (format + start) ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.pid()).isPresent();
            assertThat(broker.logFile()).exists();
            int port = broker.port();

            try (KafkaProducer<String, String> producer = producer(broker)) {
                for (String value : List.of("a", "b", "c")) {
                    producer.send(new ProducerRecord<>(TOPIC, "incident-1", value)).get();
                }
                assertThat(consumeAll(broker, 3)).containsExactly("a", "b", "c");

                // Another instance on the same data directory sees the running broker (as Devstack does
                // across Quarkus class loaders).
                KafkaBroker attached = KafkaBroker.builder().dataDir(dir).port(port).controllerPort(broker.controllerPort()).build();
                assertThat(attached.isRunning()).isTrue();
                assertThat(attached.pid()).isEqualTo(broker.pid());

                broker.stop();
                assertThat(broker.isRunning()).isFalse();
                assertThat(attached.isRunning()).isFalse();

                t0 = System.nanoTime();
                broker.start();
                System.out.printf("[timing] Kafka broker restart ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                assertThat(broker.port()).isEqualTo(port);
                assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);

                // The producer made before the stop carries on.
                producer.send(new ProducerRecord<>(TOPIC, "incident-1", "d")).get();
            }
            try (Admin admin = Admin.create(adminProps(broker))) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
                assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()).hasSize(3);
            }
            assertThat(consumeAll(broker, 4)).containsExactly("a", "b", "c", "d");
        }
    }

    private static Properties adminProps(KafkaBroker broker) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return props;
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the start with a new group until {@code expected} records arrived (30 s at most). */
    private static List<String> consumeAll(KafkaBroker broker, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    @Test
    void createsTheMissingTopicsWithTheirPartitionsAndLeavesExistingOnesAlone() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().dataDir(dir).build()) {
            broker.start();
            broker.createTopics(List.of("devstack.a", "devstack.b"), 3);
            broker.createTopics(List.of("devstack.a", "devstack.c"), 2);

            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                var topics = admin.describeTopics(List.of("devstack.a", "devstack.b", "devstack.c")).allTopicNames().get();
                assertThat(topics.get("devstack.a").partitions()).hasSize(3);
                assertThat(topics.get("devstack.b").partitions()).hasSize(3);
                assertThat(topics.get("devstack.c").partitions()).hasSize(2);
            }
        }
    }
}
