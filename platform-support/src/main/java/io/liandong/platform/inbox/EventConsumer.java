package io.liandong.platform.inbox;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventPayload;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.cloudevents.PoisonEventException;
import io.liandong.platform.config.PlatformConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * The one consumer pipeline of every service: read the CloudEvent, refuse poison, and in one
 * transaction record the event in the inbox (dropping a redelivery), in the incident's timeline,
 * and hand it to the service's handler. Measures the information delay, {@code now - ce_time}.
 *
 * <p>Every incoming channel takes the records of a poll together ({@code batch=true}, at most
 * {@code max.poll.records} of them): a method annotated {@code @Incoming} receives a {@link KafkaRecordBatch} and
 * returns {@link #consume}. The events of a batch share one transaction, so a backlog is worked off with one commit
 * per batch instead of one per event; when the stream is quiet, a batch is one event and nothing waits for company.
 * When the shared transaction meets a failure of the moment (a busy or restarting database, see
 * {@link TransientFailures}), the batch is tried together again; after any other failure its events are handled
 * again one transaction each, a failure of the moment retried for minutes and any other a few times, and a record
 * that still fails goes alone to {@code liandong.<service>.dlq} through the channel's dead-letter strategy, with the
 * failure as the reason, so the records after it keep flowing.
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
    private final EventBoundary persistenceContext;

    EventConsumer(Inbox inbox, MeterRegistry registry, Clock clock, PlatformConfig config,
                  @Identifier(DeadLetterUnlessStopping.STRATEGY) DeadLetterUnlessStopping failures,
                  EventBoundary persistenceContext) {
        this.failures = failures;
        this.persistenceContext = persistenceContext;
        this.inbox = inbox;
        this.registry = registry;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Handles the records of one poll for {@code consumer} (a stable name: the inbox is keyed by it), in order, and
     * settles them with Kafka: each record that cannot be handled goes to the dead-letter topic alone, then the batch is
     * acknowledged. While the service stops, a failure leaves the whole batch unacknowledged for the next start.
     */
    public CompletionStage<Void> consume(String consumer, KafkaRecordBatch<String, byte[]> batch, EventHandlers handlers) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        Map<Integer, RuntimeException> failed;
        try {
            failed = handleAll(consumer, records.stream().map(r -> new Polled(r.getHeaders(), r.getPayload())).toList(),
                    handlers);
        } catch (ServiceStopping e) {
            return batch.nack(e.getCause());
        }
        CompletionStage<Void> settled = CompletableFuture.completedFuture(null);
        for (var failure : failed.entrySet()) {
            KafkaRecord<String, byte[]> record = records.get(failure.getKey());
            settled = settled.thenCompose(done -> record.nack(failure.getValue()));
        }
        return settled.thenCompose(done -> batch.ack());
    }

    /** One record as polled: its headers (the CloudEvent's attributes) and its value (the event's data). */
    record Polled(Headers headers, byte[] value) {
    }

    /**
     * Handles {@code records} in order, all in one transaction when it can: each event is recorded in the inbox (a
     * redelivery changes nothing) and in the incident's timeline, and handed to its handler. The persistence context is
     * flushed and cleared between events, so each sees the database as if it had a transaction of its own. When that
     * transaction fails, nothing of it stays: after a failure of the moment the events are tried together again; after
     * any other they are handled again one transaction each, so that one bad event fails alone (a failure of the
     * moment is then retried for minutes, any other failure a few times).
     *
     * @return the records that could not be handled, by index, with the reason: poison, or a handler that kept failing
     * @throws ServiceStopping when a record fails while the service stops
     */
    Map<Integer, RuntimeException> handleAll(String consumer, List<Polled> records, EventHandlers handlers) {
        Map<Integer, RuntimeException> failed = new TreeMap<>();
        List<Readable> readable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                EventEnvelope event = CloudEventCodec.read(records.get(i).headers(), records.get(i).value());
                readable.add(new Readable(i, event, readPayload(event)));
            } catch (PoisonEventException e) {
                failed.put(i, e);
            }
        }
        batchSize(consumer).record(records.size());
        if (readable.size() > 1 && handledTogether(consumer, readable, handlers)) {
            return failed;
        }
        for (Readable r : readable) {
            try {
                measure(consumer, r.event(), handleAlone(consumer, r, handlers));
            } catch (RuntimeException e) {
                if (failures.stopping()) {
                    throw new ServiceStopping(e);
                }
                failed.put(r.index(), e);
            }
        }
        return failed;
    }

    private record Readable(int index, EventEnvelope event, EventPayload payload) {
    }

    /**
     * The events in one transaction. A failure of the moment (no free connection while requests hold them all, a
     * deadlock) is the batch's to wait out, so the batch is tried again; any other failure may be one event's.
     *
     * @return whether they were handled; false when they must be handled one by one
     */
    private boolean handledTogether(String consumer, List<Readable> readable, EventHandlers handlers) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<Boolean> first = QuarkusTransaction.requiringNew().call(() -> {
                    List<Boolean> handled = new ArrayList<>(readable.size());
                    for (Readable r : readable) {
                        handled.add(handleOne(consumer, r, handlers));
                        persistenceContext.endOfEvent();
                    }
                    return handled;
                });
                for (int i = 0; i < readable.size(); i++) {
                    measure(consumer, readable.get(i).event(), first.get(i));
                }
                return true;
            } catch (RuntimeException e) {
                if (failures.stopping()) {
                    throw new ServiceStopping(e);
                }
                if (!TransientFailures.isTransient(e) || attempt >= config.consumer().transientAttempts()) {
                    LOG.warnf("%s: %d events handled together failed, handling them one by one: %s", consumer,
                            readable.size(), e.getMessage());
                    return false;
                }
                LOG.warnf("%s: attempt %d at %d events handled together failed (a failure of the moment), retrying: %s",
                        consumer, attempt, readable.size(), e.getMessage());
                backOff(attempt);
            }
        }
    }

    /** A record failed because the service is going away, not because of the record. */
    static final class ServiceStopping extends RuntimeException {
        ServiceStopping(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private boolean handleOne(String consumer, Readable r, EventHandlers handlers) {
        if (!inbox.firstDelivery(consumer, r.event())) {
            return false;
        }
        handlers.handlerFor(r.event().type()).ifPresent(h -> handle(h, r.event(), r.payload()));
        return true;
    }

    /** One event in a transaction of its own, tried again after a failure. */
    private boolean handleAlone(String consumer, Readable r, EventHandlers handlers) {
        EventEnvelope event = r.event();
        int attempts = Math.max(1, config.consumer().attempts());
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> handleOne(consumer, r, handlers));
            } catch (RuntimeException e) {
                boolean momentary = TransientFailures.isTransient(e);
                if (failures.stopping() || attempt >= (momentary ? Math.max(attempts, config.consumer().transientAttempts()) : attempts)) {
                    throw new IllegalStateException("handling " + event.type().type() + " " + event.id()
                            + " failed " + attempt + " times: " + e.getMessage(), e);
                }
                LOG.warnf("%s: attempt %d at event %s failed%s, retrying: %s", consumer, attempt, event.id(),
                        momentary ? " (a failure of the moment)" : "", e.getMessage());
                backOff(attempt);
            }
        }
    }

    private void measure(String consumer, EventEnvelope event, boolean first) {
        if (first) {
            // A producer whose clock runs ahead would give a negative delay; that reads as none.
            Duration delay = Duration.between(event.time(), clock.instant());
            delay(consumer, event).record(delay.isNegative() ? Duration.ZERO : delay);
        } else {
            duplicates(consumer, event).increment();
            LOG.debugf("%s: event %s (%s) was handled before; nothing changes", consumer, event.id(), event.type().type());
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

    private DistributionSummary batchSize(String consumer) {
        return DistributionSummary.builder("liandong.consumer.batch.size")
                .description("Records handled together, as one poll brought them")
                .tag("consumer", consumer)
                .register(registry);
    }

    private Counter duplicates(String consumer, EventEnvelope event) {
        return Counter.builder("liandong.inbox.duplicates")
                .description("Redelivered events that changed nothing")
                .tag("consumer", consumer)
                .tag("type", event.type().type())
                .register(registry);
    }

    private void backOff(int attempt) {
        Duration backoff = config.consumer().retryBackoff().multipliedBy(attempt);
        pause(backoff.compareTo(config.consumer().maxBackoff()) > 0 ? config.consumer().maxBackoff() : backoff);
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
