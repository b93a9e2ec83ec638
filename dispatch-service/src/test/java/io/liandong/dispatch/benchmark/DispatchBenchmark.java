package io.liandong.dispatch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.Topics;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.dispatch.support.Api;
import io.liandong.dispatch.support.Db;
import io.liandong.dispatch.support.NoopDeadlineHandler;
import io.liandong.platform.deadline.Deadline;
import io.liandong.platform.deadline.DeadlineScheduler;
import io.liandong.platform.deadline.Deadlines;
import io.liandong.platform.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measurements, not tests (excluded from the default run):
 * <pre>
 * mvn -B -o verify -pl dispatch-service -Ddispatch.excludedGroups=none -Dtest=DispatchBenchmark
 * </pre>
 * Results are printed and appended to {@code dispatch-service/target/benchmark-results.md}.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
@Tag("benchmark")
class DispatchBenchmark {

    static final int OPEN_DEADLINES = 10_000;

    @Inject
    Deadlines deadlines;

    @Inject
    DeadlineScheduler scheduler;

    @Inject
    MovableClock clock;

    @Test
    void deadlineCheckerWith10000OpenDeadlines() throws Exception {
        // 1. The checker alone: 10,000 rows of a kind whose handler does nothing.
        Instant base = clock.instant().plus(Duration.ofDays(30));
        String batch = "bench-" + UUID.randomUUID() + "-";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < OPEN_DEADLINES; i++) {
                deadlines.schedule(new Deadline(NoopDeadlineHandler.KIND, batch + i, "due", null, base.plusMillis(i), null));
            }
        });
        MovableClock before = new MovableClock(base.minusSeconds(1));
        List<Long> idle = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long t = System.nanoTime();
            assertThat(scheduler.newChecker(before, "bench").fireDue()).isZero();
            idle.add(System.nanoTime() - t);
        }
        MovableClock after = new MovableClock(base.plusSeconds(60));
        long t = System.nanoTime();
        int fired = scheduler.newChecker(after, "bench").fireDue();
        long fireAll = System.nanoTime() - t;
        assertThat(fired).isEqualTo(OPEN_DEADLINES);

        // 2. Real assignment clocks: incidents until 10,000 timers are open (18 per incident of the standard), then all due.
        int incidents = OPEN_DEADLINES / 18 + 1;
        for (int i = 0; i < incidents; i++) {
            Api.report();
        }
        long open = Db.count("SELECT count(*) FROM platform_deadline WHERE kind = 'dispatch.assignment' AND fired_at IS NULL "
                + "AND cancelled_at IS NULL");
        List<Long> idleReal = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long s = System.nanoTime();
            scheduler.newChecker(clock, "bench").fireDue();
            idleReal.add(System.nanoTime() - s);
        }
        MovableClock late = new MovableClock(clock.instant().plus(Duration.ofHours(1)));
        long outboxBefore = Db.count("SELECT count(*) FROM outbox_event");
        long s = System.nanoTime();
        int firedReal = scheduler.newChecker(late, "bench").fireDue();
        long fireReal = System.nanoTime() - s;
        long events = Db.count("SELECT count(*) FROM outbox_event") - outboxBefore;

        report("""
                ### Deadline checker, %d open deadlines (%s)
                | measurement | result |
                | --- | --- |
                | check with nothing due, 10,000 no-op rows pending (p50 / max of 50) | %.2f ms / %.2f ms |
                | fire 10,000 due no-op deadlines (batches of 500) | %.0f ms, %.0f deadlines/s |
                | open assignment timers from %d incidents | %d |
                | check with nothing due, assignment timers pending (p50 / max of 50) | %.2f ms / %.2f ms |
                | fire them all (warning, breach, escalation, each with its outbox event) | %d fired in %.0f ms, %.0f deadlines/s, %d events written |
                """.formatted(OPEN_DEADLINES, Instant.now(), ms(percentile(idle, 50)), ms(Collections.max(idle)), ms(fireAll),
                OPEN_DEADLINES / (fireAll / 1e9), incidents, open, ms(percentile(idleReal, 50)), ms(Collections.max(idleReal)),
                firedReal, ms(fireReal), firedReal / (fireReal / 1e9), events));
    }

    @Test
    void delayFromAnAssignmentsCommitToItsEventOnKafka() throws Exception {
        int incidents = 300;
        // Start from an empty outbox (no backlog of another measurement ahead of ours), after a warm-up.
        for (int i = 0; i < 30; i++) {
            Api.report();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> Db.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> requestedAt = new ConcurrentHashMap<>();
        Map<String, List<Long>> receivedAt = new ConcurrentHashMap<>();
        Map<String, List<Long>> appendedAt = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.kafka().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1);
        Thread reader;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DISPATCH_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            reader = new Thread(() -> {
                while (running.get()) {
                    for (var r : consumer.poll(Duration.ofMillis(5))) {
                        if ("io.liandong.assignment.created.v1".equals(TopicReader.header(r, CloudEventHeaders.CE_TYPE))) {
                            long now = System.currentTimeMillis();
                            receivedAt.computeIfAbsent(r.key(), k -> Collections.synchronizedList(new ArrayList<>())).add(now);
                            appendedAt.computeIfAbsent(r.key(), k -> Collections.synchronizedList(new ArrayList<>())).add(r.timestamp());
                        }
                    }
                }
            });
            reader.start();
            for (int i = 0; i < incidents; i++) {
                long start = System.currentTimeMillis();
                String id = Api.report();
                committedAt.put(id, System.currentTimeMillis());   // the 201 comes after the commit
                requestedAt.put(id, start);                        // the request came before it
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (receivedAt.values().stream().mapToInt(List::size).sum() < incidents * 3 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            running.set(false);
            reader.join();
        }
        List<Long> toConsumer = new ArrayList<>();
        List<Long> toBroker = new ArrayList<>();
        List<Long> fromRequest = new ArrayList<>();
        committedAt.forEach((id, at) -> {
            receivedAt.getOrDefault(id, List.of()).forEach(r -> toConsumer.add(Math.max(0, r - at)));
            appendedAt.getOrDefault(id, List.of()).forEach(r -> toBroker.add(Math.max(0, r - at)));
            receivedAt.getOrDefault(id, List.of()).forEach(r -> fromRequest.add(r - requestedAt.get(id)));
        });
        assertThat(toConsumer).hasSize(incidents * 3);
        report("""
                ### Commit to Kafka, assignment.created (%s)
                %d incidents reported one after the other over REST, 3 assignments each (%d events); the commit time is
                taken when the 201 arrives (a lower bound: the relay is woken by the commit and often sends before the
                response is back, hence 0 ms) and, as an upper bound, when the request was sent (it includes the whole
                HTTP call and transaction).
                | delay | p50 | p99 | max |
                | --- | --- | --- | --- |
                | commit (201 received) to the record's producer timestamp (relay send) | %d ms | %d ms | %d ms |
                | commit (201 received) to a consumer polling the topic receiving it | %d ms | %d ms | %d ms |
                | request sent to a consumer receiving it (upper bound) | %d ms | %d ms | %d ms |
                """.formatted(Instant.now(), incidents, toConsumer.size(), percentile(toBroker, 50), percentile(toBroker, 99),
                Collections.max(toBroker), percentile(toConsumer, 50), percentile(toConsumer, 99), Collections.max(toConsumer),
                percentile(fromRequest, 50), percentile(fromRequest, 99), Collections.max(fromRequest)));
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void report(String text) throws Exception {
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark-results.md"), text + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
