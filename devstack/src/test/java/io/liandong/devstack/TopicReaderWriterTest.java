package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TopicReaderWriterTest {

    @Test
    void readsWhatWasWrittenInOrderWithHeaders() {
        String topic = "devstack.rw-" + UUID.randomUUID();
        String bootstrap = Devstack.kafka().bootstrapServers();
        try (TopicWriter writer = new TopicWriter(bootstrap)) {
            for (int i = 0; i < 5; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "incident-7", ("event-" + i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", "io.liandong.test.happened.v1".getBytes(StandardCharsets.UTF_8));
                writer.send(record);
            }
            writer.send(topic, "other", "fence");
        }
        try (TopicReader reader = new TopicReader(bootstrap, topic)) {
            var records = reader.readUntil(rs -> rs.stream().anyMatch(r -> "other".equals(r.key())), Duration.ofSeconds(30));
            var incident = records.stream().filter(r -> "incident-7".equals(r.key())).toList();
            assertThat(incident).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
            // The fence has another key, so it may sit on another partition, read before or after.
            assertThat(TopicReader.header(incident.get(0), "ce_type")).isEqualTo("io.liandong.test.happened.v1");
            assertThat(TopicReader.header(incident.get(0), "missing")).isNull();
        }
    }

    @Test
    void aConditionThatNeverHoldsFailsAfterTheTimeout() {
        try (TopicReader reader = new TopicReader(Devstack.kafka().bootstrapServers(), "devstack.empty-" + UUID.randomUUID())) {
            assertThatThrownBy(() -> reader.readUntil(rs -> !rs.isEmpty(), Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("0 record(s) read");
        }
    }
}
