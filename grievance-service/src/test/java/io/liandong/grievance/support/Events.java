package io.liandong.grievance.support;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.Topics;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What grievance-service published on liandong.grievance.events. */
public final class Events {

    private Events() {
    }

    public static List<ConsumerRecord<String, byte[]>> readUntil(Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.GRIEVANCE_EVENTS)) {
            return reader.readUntil(done, Duration.ofSeconds(30));
        }
    }

    public static String type(ConsumerRecord<String, byte[]> r) {
        return TopicReader.header(r, CloudEventHeaders.CE_TYPE);
    }

    public static String subject(ConsumerRecord<String, byte[]> r) {
        return TopicReader.header(r, CloudEventHeaders.CE_SUBJECT);
    }

    public static String body(ConsumerRecord<String, byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<List<ConsumerRecord<String, byte[]>>> has(String type, String subject) {
        return rs -> rs.stream().anyMatch(r -> type.equals(type(r)) && subject.equals(subject(r)));
    }

    public static List<ConsumerRecord<String, byte[]>> of(List<ConsumerRecord<String, byte[]>> rs, String type, String subject) {
        return rs.stream().filter(r -> type.equals(type(r)) && subject.equals(subject(r))).toList();
    }
}
