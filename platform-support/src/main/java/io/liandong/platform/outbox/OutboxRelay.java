package io.liandong.platform.outbox;

import io.liandong.contracts.Service;
import io.liandong.platform.config.PlatformConfig;
import io.liandong.platform.config.Services;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.jboss.logging.Logger;

/**
 * Runs the outbox relay on a thread of its own: woken right after every commit that wrote an
 * outbox row, and polling as a fallback (rows written by another replica, a broker outage).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final PlatformConfig config;
    private final Service service;
    private final DataSource dataSource;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Object> kafkaClientConfig;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(PlatformConfig config, DataSource dataSource, Clock clock, MeterRegistry registry,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaClientConfig) {
        this.config = config;
        this.service = Services.named(config.service());
        this.dataSource = dataSource;
        this.clock = clock;
        this.registry = registry;
        this.kafkaClientConfig = kafkaClientConfig;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.outbox().relayEnabled()) {
            LOG.info("outbox relay disabled by liandong.platform.outbox.relay-enabled=false");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            wake.release();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called once the transaction that wrote an outbox row has committed. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** A worker with a producer of its own; the relay thread uses one, tests may start another as a second replica. */
    public RelayWorker newWorker() {
        return new RelayWorker(dataSource, this::newProducer, service.eventsTopic(), config.outbox().batchSize(),
                config.outbox().deliveryTimeout(), clock, new RelayMetrics(registry, service.serviceName()));
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        try (RelayWorker worker = newWorker()) {
            while (running) {
                Duration pause = config.outbox().pollInterval();
                try {
                    RelayWorker.BatchResult result = worker.publishBatch();
                    if (result.failure() != null) {
                        pause = backoff;
                        backoff = min(backoff.multipliedBy(2), config.outbox().maxBackoff());
                    } else {
                        backoff = Duration.ofMillis(100);
                        if (result.full(config.outbox().batchSize())) {
                            continue;
                        }
                    }
                } catch (RuntimeException e) {
                    // The database itself is unreachable; try again later.
                    LOG.warnf("outbox relay for %s could not read the outbox: %s", service.eventsTopic(), e.getMessage());
                    pause = backoff;
                    backoff = min(backoff.multipliedBy(2), config.outbox().maxBackoff());
                }
                awaitWake(pause);
            }
        }
    }

    private void awaitWake(Duration timeout) {
        try {
            if (wake.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Producer<String, byte[]> newProducer() {
        Duration delivery = config.outbox().deliveryTimeout();
        Properties props = new Properties();
        // Every kafka.* setting the service has (bootstrap servers, TLS, SASL), as its consumers get them;
        // then what the relay's guarantees need, which no setting may weaken.
        props.putAll(kafkaClientConfig);
        props.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, service.serviceName() + "-outbox-relay");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(5000, delivery.toMillis() / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery.toMillis());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery.toMillis() / 2);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** Published rows are kept a while for inspection and replay, then removed. */
    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deletePublishedRows() {
        int deleted = QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection();
                 var delete = connection.prepareStatement("DELETE FROM outbox_event WHERE published_at < ?")) {
                delete.setTimestamp(1, java.sql.Timestamp.from(clock.instant().minus(config.outbox().retention())));
                return delete.executeUpdate();
            }
        });
        if (deleted > 0) {
            LOG.infof("deleted %d published outbox rows older than %s", deleted, config.outbox().retention());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
