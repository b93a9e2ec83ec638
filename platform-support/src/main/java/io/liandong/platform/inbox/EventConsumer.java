package io.liandong.platform.inbox;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventPayload;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.cloudevents.PoisonEventException;
import io.liandong.platform.config.PlatformConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one consumer pipeline of every service: read the CloudEvent, refuse poison, and in one
 * transaction record the event in the inbox (dropping a redelivery), in the incident's timeline,
 * and hand it to the service's handler. Measures the information delay, {@code now - ce_time}.
 *
 * <p>A failure of the moment (a busy or restarting database, see {@link TransientFailures}) is retried
 * for minutes; any other failure a few times. A method annotated {@code @Incoming} calls {@link #consume}; an exception thrown from here
 * nacks the record, and the channel's dead-letter strategy moves it to {@code liandong.<service>.dlq}
 * with the exception message as the reason, so later records keep flowing.
 */
@ApplicationScoped
public class EventConsumer {

    /**
     * The worker pool every {@code @Incoming} method runs on: {@code @Blocking(EventConsumer.WORKERS)}.
     * It is the consumers' own, apart from the pool that serves REST requests, so a flood of requests
     * never queues the events that tell this service what the others did. Its size
     * ({@code smallrye.messaging.worker.liandong-consumers.max-concurrency}, 3 by default) is one thread
     * per incoming channel; each channel still handles its records one after the other, in order.
     */
    public static final String WORKERS = "liandong-consumers";

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final MeterRegistry registry;
    private final Clock clock;
    private final PlatformConfig config;
    private final DeadLetterUnlessStopping failures;

    EventConsumer(Inbox inbox, MeterRegistry registry, Clock clock, PlatformConfig config,
                  @Identifier(DeadLetterUnlessStopping.STRATEGY) DeadLetterUnlessStopping failures) {
        this.failures = failures;
        this.inbox = inbox;
        this.registry = registry;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Handles one record for {@code consumer} (a stable name: the inbox is keyed by it).
     *
     * @return true if it changed anything, false for a redelivery
     * @throws PoisonEventException for a record that can never be handled
     */
    public boolean consume(String consumer, ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        EventEnvelope event = CloudEventCodec.read(record.headers(), record.value());
        EventPayload payload = readPayload(event);
        var handler = handlers.handlerFor(event.type());
        int attempts = Math.max(1, config.consumer().attempts());
        for (int attempt = 1; ; attempt++) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(consumer, event)) {
                        return false;
                    }
                    handler.ifPresent(h -> handle(h, event, payload));
                    return true;
                });
                if (first) {
                    // A producer whose clock runs ahead would give a negative delay; that reads as none.
                    Duration delay = Duration.between(event.time(), clock.instant());
                    delay(consumer, event).record(delay.isNegative() ? Duration.ZERO : delay);
                } else {
                    duplicates(consumer, event).increment();
                    LOG.debugf("%s: event %s (%s) was handled before; nothing changes", consumer, event.id(),
                            event.type().type());
                }
                return first;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean momentary = TransientFailures.isTransient(e);
                if (failures.stopping() || attempt >= (momentary ? Math.max(attempts, config.consumer().transientAttempts()) : attempts)) {
                    throw new IllegalStateException("handling " + event.type().type() + " " + event.id()
                            + " failed " + attempt + " times: " + e.getMessage(), e);
                }
                LOG.warnf("%s: attempt %d at event %s failed%s, retrying: %s", consumer, attempt, event.id(),
                        momentary ? " (a failure of the moment)" : "", e.getMessage());
                Duration backoff = config.consumer().retryBackoff().multipliedBy(attempt);
                pause(backoff.compareTo(config.consumer().maxBackoff()) > 0 ? config.consumer().maxBackoff() : backoff);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends EventPayload> void handle(EventHandlers.Handler<?> handler, EventEnvelope event,
                                                       EventPayload payload) {
        ((EventHandlers.Handler<P>) handler).handle(new ReceivedEvent<>(event, (P) payload));
    }

    private static EventPayload readPayload(EventEnvelope event) {
        try {
            return EventJson.read(event.dataJson(), event.type().payloadClass());
        } catch (RuntimeException e) {
            throw new PoisonEventException("data of " + event.type().type() + " " + event.id()
                    + " does not fit its schema: " + e.getMessage(), e);
        }
    }

    private Timer delay(String consumer, EventEnvelope event) {
        return Timer.builder("liandong.information.delay")
                .description("From the moment an event happened (ce_time) to its handling being committed by a consumer")
                .tag("consumer", consumer)
                .tag("type", event.type().type())
                .publishPercentileHistogram()
                .register(registry);
    }

    private Counter duplicates(String consumer, EventEnvelope event) {
        return Counter.builder("liandong.inbox.duplicates")
                .description("Redelivered events that changed nothing")
                .tag("consumer", consumer)
                .tag("type", event.type().type())
                .register(registry);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
