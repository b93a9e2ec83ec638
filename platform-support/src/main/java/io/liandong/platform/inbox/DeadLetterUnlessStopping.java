package io.liandong.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The consumers' failure strategy ({@code failure-strategy=liandong-dead-letter}): SmallRye's
 * dead-letter queue, except while the service stops. A record whose handling fails then failed
 * because the service is going away (its persistence unit closes under the consumer), not because of
 * the record: it is neither dead-lettered nor acknowledged, so its offset is not committed and the
 * next start (of this replica or another) handles it again. Nothing is lost to a shutdown.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.STRATEGY)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "liandong-dead-letter";
    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private volatile boolean stopping;

    DeadLetterUnlessStopping(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Whether the service is stopping: consumers stop retrying then. */
    public boolean stopping() {
        return stopping;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        return wrap(deadLetterQueue.create(config, vertx, consumer, reportFailure), config.getChannel());
    }

    KafkaFailureHandler wrap(KafkaFailureHandler deadLetters, String channel) {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (stopping) {
                    LOG.warnf("%s: record %s-%d@%d failed while the service stops; left uncommitted for the next start: %s",
                            channel, record.getTopic(), record.getPartition(), record.getOffset(), reason.getMessage());
                    return Uni.createFrom().nothing();
                }
                return deadLetters.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
            }
        };
    }
}
