package io.liandong.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class DeadLetterUnlessStoppingTest {

    private final List<Long> deadLettered = new ArrayList<>();

    private final KafkaFailureHandler deadLetterQueue = new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            deadLettered.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    };

    private static IncomingKafkaRecord<String, byte[]> record(long offset) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("liandong.dispatch.events", 1, offset, "inc-1", new byte[0]),
                "dispatch-in", 0, null, null, false);
    }

    @Test
    void whileRunningAFailedRecordGoesToTheDeadLetterTopic() {
        KafkaFailureHandler handler = new DeadLetterUnlessStopping(null).wrap(deadLetterQueue, "dispatch-in");

        handler.handle(record(7), new IllegalStateException("no such assignment"), Metadata.empty()).await().indefinitely();

        assertThat(deadLettered).containsExactly(7L);
    }

    @Test
    void whileStoppingAFailedRecordIsNeitherDeadLetteredNorAcknowledged() {
        DeadLetterUnlessStopping strategy = new DeadLetterUnlessStopping(null);
        KafkaFailureHandler handler = strategy.wrap(deadLetterQueue, "dispatch-in");
        strategy.onStop(null);

        Uni<Void> outcome = handler.handle(record(8), new IllegalStateException("EntityManagerFactory is closed"), Metadata.empty());

        assertThat(strategy.stopping()).isTrue();
        assertThat(deadLettered).isEmpty();
        // The failure never completes, so the record is never acknowledged and its offset never committed.
        assertThat(outcome.ifNoItem().after(Duration.ofMillis(50)).recoverWithItem(() -> null)
                .map(v -> "pending").await().indefinitely()).isEqualTo("pending");
    }
}
