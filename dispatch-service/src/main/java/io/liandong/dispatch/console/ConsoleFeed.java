package io.liandong.dispatch.console;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.Service;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.cloudevents.PoisonEventException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the events of all four services for the console, apart from the service's own consumers: its own consumer
 * group per process ({@code dispatch-console-<instance>}), so every replica sees every partition and the inbox
 * consumers of group {@code dispatch-service} are not touched. It commits nothing: at each start it re-reads the
 * topics from the start of the replay window (default: everything retained) to rebuild the picture, then follows.
 *
 * <p>A record that is not a CloudEvent of the catalogue is skipped here; the service's inbox consumers dead-letter it.
 */
@ApplicationScoped
public class ConsoleFeed {

    private static final Logger LOG = Logger.getLogger(ConsoleFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final ConsoleHub hub;
    private final boolean enabled;
    private final String bootstrapServers;
    private final String groupId;
    private final Optional<Duration> replayWindow;
    private final Duration delaysEvery;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread thread;

    ConsoleFeed(ConsoleHub hub,
                @ConfigProperty(name = "liandong.dispatch.console.enabled", defaultValue = "true") boolean enabled,
                @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
                @ConfigProperty(name = "liandong.dispatch.console.instance") Optional<String> instance,
                @ConfigProperty(name = "liandong.dispatch.console.replay-window") Optional<Duration> replayWindow,
                @ConfigProperty(name = "liandong.dispatch.console.delays-every", defaultValue = "PT2S") Duration delaysEvery) {
        this.hub = hub;
        this.enabled = enabled;
        this.bootstrapServers = bootstrapServers;
        this.groupId = "dispatch-console-" + instance.or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                .filter(s -> !s.isBlank()).orElse("") + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.replayWindow = replayWindow;
        this.delaysEvery = delaysEvery;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("the operators' console feed is disabled");
            hub.caughtUp();
            return;
        }
        running = true;
        thread = new Thread(this::run, "console-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        stopped.countDown(); // ends a wait before reconnecting
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String groupId() {
        return groupId;
    }

    private void run() {
        Instant startedAt = Instant.now();
        // Where this process has read up to, kept across reconnects so that no event is folded in twice.
        Map<TopicPartition, Long> next = new HashMap<>();
        while (running) {
            try {
                follow(startedAt, next);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.errorf(e, "the operators' console lost its feed (%s); it reconnects in %s", e.getMessage(), RETRY);
                try {
                    if (stopped.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void follow(Instant startedAt, Map<TopicPartition, Long> next) {
        List<String> topics = Arrays.stream(Service.values()).map(Service::eventsTopic).toList();
        Map<TopicPartition, Long> catchUpTo = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            if (!running) {
                return;
            }
            c.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // nothing committed, nothing to hand over
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // A rebalance (a topic or partition appeared) hands back partitions read before: go on where
                    // this process left them. New ones are read from the start of the replay window.
                    List<TopicPartition> fresh = partitions.stream().filter(tp -> !next.containsKey(tp)).toList();
                    partitions.stream().filter(next::containsKey).forEach(tp -> c.seek(tp, next.get(tp)));
                    if (!fresh.isEmpty()) {
                        seekToReplayStart(c, fresh, startedAt);
                        c.endOffsets(fresh).forEach((tp, end) -> catchUpTo.merge(tp, end, Math::max));
                        fresh.forEach(tp -> next.put(tp, c.position(tp)));
                    }
                }
            });
            Instant nextDelays = Instant.now();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(200))) {
                    receive(record, startedAt);
                    next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                if (!catchUpTo.isEmpty() && caughtUp(c, catchUpTo)) {
                    catchUpTo.clear();
                    hub.caughtUp();
                }
                if (!Instant.now().isBefore(nextDelays)) {
                    hub.publishDelays();
                    nextDelays = Instant.now().plus(delaysEvery);
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void receive(ConsumerRecord<String, byte[]> record, Instant startedAt) {
        EventEnvelope event;
        try {
            event = CloudEventCodec.read(record.headers(), record.value());
        } catch (PoisonEventException e) {
            LOG.debugf("console: skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        // Published before this process started: re-read to rebuild the picture, not received live.
        boolean live = !Instant.ofEpochMilli(record.timestamp()).isBefore(startedAt);
        try {
            hub.received(record.topic(), event, live);
        } catch (RuntimeException e) {
            LOG.warnf("console: event %s (%s) could not be shown: %s", event.id(), event.type().type(), e.getMessage());
        }
    }

    private void seekToReplayStart(KafkaConsumer<String, byte[]> c, Collection<TopicPartition> partitions,
                                   Instant startedAt) {
        if (replayWindow.isEmpty()) {
            c.seekToBeginning(partitions);
            return;
        }
        long from = startedAt.minus(replayWindow.get()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = c.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp found = offsets.get(tp);
            c.seek(tp, found != null ? found.offset() : ends.get(tp));
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> targets) {
        for (var target : targets.entrySet()) {
            if (!c.assignment().contains(target.getKey())) {
                continue;
            }
            if (c.position(target.getKey()) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        return p;
    }
}
