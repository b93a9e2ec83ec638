package io.liandong.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.fixture.FixtureDeadlineHandler;
import io.liandong.platform.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Durable deadlines against a real PostgreSQL, with clocks the test moves. Each test works far in
 * the future of its own clock, with subjects of its own, so tests do not see each other's rows.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class DeadlineCheckerTest {

    @Inject
    Deadlines deadlines;

    @Inject
    DeadlineScheduler scheduler;

    @Inject
    DataSource dataSource;

    private final Instant start = Instant.parse("2030-01-01T00:00:00Z").plusSeconds((long) (Math.random() * 1_000_000) * 60);

    @Test
    void aDeadlineFiresOnceAtItsDueTimeAndNotBefore() throws Exception {
        String subject = "subj-" + UUID.randomUUID();
        MovableClock clock = new MovableClock(start);
        schedule(subject, "warning", start.plusSeconds(60));
        DeadlineChecker checker = scheduler.newChecker(clock, "replica-a");

        clock.advance(Duration.ofSeconds(59));
        checker.fireDue();
        assertThat(fired(subject)).isZero();

        clock.advance(Duration.ofSeconds(1));
        checker.fireDue();
        checker.fireDue();
        clock.advance(Duration.ofHours(1));
        checker.fireDue();
        assertThat(fired(subject)).isEqualTo(1);
        assertThat(deadlines.pending(FixtureDeadlineHandler.KIND, subject)).isEmpty();
    }

    @Test
    void aCancelledDeadlineNeverFiresAndSchedulingTheSameNameTwiceKeepsOne() throws Exception {
        String subject = "subj-" + UUID.randomUUID();
        MovableClock clock = new MovableClock(start);
        assertThat(schedule(subject, "ack:warning:50", start.plusSeconds(30))).isTrue();
        assertThat(schedule(subject, "ack:warning:50", start.plusSeconds(40))).isFalse();
        schedule(subject, "ack:breach", start.plusSeconds(60));
        schedule(subject, "on-scene:breach", start.plusSeconds(90));
        assertThat(deadlines.pending(FixtureDeadlineHandler.KIND, subject)).hasSize(3);

        int cancelled = QuarkusTransaction.requiringNew().call(() -> deadlines.cancel(FixtureDeadlineHandler.KIND, subject, "ack:"));
        assertThat(cancelled).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5));
        scheduler.newChecker(clock, "replica-a").fireDue();

        assertThat(firedNames(subject)).containsExactly("on-scene:breach");
    }

    @Test
    void severalDeadlinesScheduledTogetherKeepTheOnesThatExistAndFireEachAtItsTime() throws Exception {
        String subject = "subj-" + UUID.randomUUID();
        MovableClock clock = new MovableClock(start);
        schedule(subject, "ack:warning:50", start.plusSeconds(30));
        int stored = QuarkusTransaction.requiringNew().call(() -> deadlines.scheduleAll(List.of(
                new Deadline(FixtureDeadlineHandler.KIND, subject, "ack:warning:50", null, start.plusSeconds(45), null),
                new Deadline(FixtureDeadlineHandler.KIND, subject, "ack:breach", null, start.plusSeconds(60), null),
                new Deadline(FixtureDeadlineHandler.KIND, subject, "on-scene:breach", null, start.plusSeconds(90), null))));

        assertThat(stored).isEqualTo(2);
        assertThat(deadlines.pending(FixtureDeadlineHandler.KIND, subject))
                .extracting(p -> p.deadline().name() + "@" + p.deadline().dueAt())
                .containsExactly("ack:warning:50@" + start.plusSeconds(30), "ack:breach@" + start.plusSeconds(60),
                        "on-scene:breach@" + start.plusSeconds(90));
        clock.advance(Duration.ofSeconds(60));
        scheduler.newChecker(clock, "replica-a").fireDue();
        assertThat(firedNames(subject)).containsExactlyInAnyOrder("ack:warning:50", "ack:breach");
    }

    @Test
    void aFailedBatchOfDeadlinesStoresNoneOfThem() {
        String subject = "subj-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> deadlines.scheduleAll(List.of(
                        new Deadline(FixtureDeadlineHandler.KIND, subject, "ack:breach", null, start.plusSeconds(60), null),
                        new Deadline(FixtureDeadlineHandler.KIND, subject, "x".repeat(500), null, start.plusSeconds(90), null)))))
                .hasMessageContaining("could not schedule deadline ack:breach of " + subject + " and 1 more");
        assertThat(deadlines.pending(FixtureDeadlineHandler.KIND, subject)).isEmpty();
    }

    @Test
    void twoReplicasCheckingAtOnceFireEachDeadlineExactlyOnce() throws Exception {
        String prefix = "pair-" + UUID.randomUUID() + "-";
        int count = 300;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                deadlines.schedule(new Deadline(FixtureDeadlineHandler.KIND, prefix + i, "due", null,
                        start.plusMillis(i), null));
            }
        });
        MovableClock clock = new MovableClock(start.plusSeconds(10));
        DeadlineChecker first = scheduler.newChecker(clock, "replica-a");
        DeadlineChecker second = scheduler.newChecker(clock, "replica-b");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = replicas.submit(() -> {
                together.await();
                return first.fireDue();
            });
            Future<Integer> b = replicas.submit(() -> {
                together.await();
                return second.fireDue();
            });
            assertThat(a.get() + b.get()).isEqualTo(count);
        } finally {
            replicas.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM fixture_fired WHERE subject LIKE '" + prefix + "%'")).isEqualTo(count);
        assertThat(count("SELECT count(DISTINCT subject) FROM fixture_fired WHERE subject LIKE '" + prefix + "%'")).isEqualTo(count);
    }

    @Test
    void aRestartedCheckerFiresWhatFellDueWhileNothingRan() throws Exception {
        String subject = "subj-" + UUID.randomUUID();
        MovableClock clock = new MovableClock(start);
        schedule(subject, "first", start.plusSeconds(10));
        schedule(subject, "second", start.plusSeconds(20));
        schedule(subject, "third", start.plusSeconds(30));
        clock.advance(Duration.ofSeconds(10));
        scheduler.newChecker(clock, "before-restart").fireDue();
        assertThat(firedNames(subject)).containsExactly("first");

        // The process stops; nothing checks while time passes; a new process starts with a new checker.
        MovableClock afterRestart = new MovableClock(start.plusSeconds(25));
        scheduler.newChecker(afterRestart, "after-restart").fireDue();
        assertThat(firedNames(subject)).containsExactly("first", "second");
        afterRestart.advance(Duration.ofSeconds(5));
        scheduler.newChecker(afterRestart, "after-restart").fireDue();
        assertThat(firedNames(subject)).containsExactly("first", "second", "third");
    }

    @Test
    void aFailingHandlerHoldsBackNoOtherDeadlineAndIsRetriedLater() throws Exception {
        String good = "good-" + UUID.randomUUID();
        String bad = "bad-" + UUID.randomUUID();
        MovableClock clock = badThenGoodDue(bad, good);

        scheduler.newChecker(clock, "replica-a").fireDue();

        assertThat(fired(good)).isEqualTo(1);
        assertThat(count("SELECT attempts FROM platform_deadline WHERE subject = '" + bad + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM platform_deadline WHERE subject = '" + bad
                + "' AND last_error LIKE '%refuses%' AND fired_at IS NULL AND failed_at IS NULL")).isEqualTo(1);
    }

    @Test
    void aFailureWhileTheServiceStopsChargesNoDeadlineAndMovesNone() throws Exception {
        String good = "good-" + UUID.randomUUID();
        String bad = "bad-" + UUID.randomUUID();
        MovableClock clock = badThenGoodDue(bad, good);

        scheduler.newChecker(clock, "stopping-replica", () -> true).fireDue();

        assertThat(fired(good)).isZero();
        assertThat(count("SELECT count(*) FROM platform_deadline WHERE subject = '" + bad + "' AND attempts = 0"
                + " AND last_error IS NULL AND due_at = '" + start.plusSeconds(1) + "' AND fired_at IS NULL")).isEqualTo(1);
        // The next check, by a replica that is not stopping, fires what it can and charges the bad one.
        scheduler.newChecker(clock, "replica-b").fireDue();
        assertThat(fired(good)).isEqualTo(1);
        assertThat(count("SELECT attempts FROM platform_deadline WHERE subject = '" + bad + "'")).isEqualTo(1);
    }

    /** A deadline the fixture refuses, then a good one, both due on the clock returned. */
    private MovableClock badThenGoodDue(String bad, String good) {
        MovableClock clock = new MovableClock(start);
        schedule(bad, "due", start.plusSeconds(1));
        schedule(good, "due", start.plusSeconds(2));
        clock.advance(Duration.ofSeconds(5));
        return clock;
    }

    private boolean schedule(String subject, String name, Instant due) {
        return QuarkusTransaction.requiringNew().call(() -> deadlines.schedule(
                new Deadline(FixtureDeadlineHandler.KIND, subject, name, null, due, null)));
    }

    private long fired(String subject) throws SQLException {
        return count("SELECT count(*) FROM fixture_fired WHERE subject = '" + subject + "'");
    }

    private List<String> firedNames(String subject) throws SQLException {
        try (var connection = dataSource.getConnection();
             var rs = connection.createStatement().executeQuery(
                     "SELECT name FROM fixture_fired WHERE subject = '" + subject + "' ORDER BY id")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private long count(String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
