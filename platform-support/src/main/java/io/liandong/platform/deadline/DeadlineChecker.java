package io.liandong.platform.deadline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Fires due deadlines. Each batch is one transaction that claims due rows with
 * {@code FOR UPDATE SKIP LOCKED}, calls each row's handler and marks the row fired, so any number
 * of checkers (replicas) can run at once and each deadline fires once. What "now" is comes from
 * the clock it was given.
 *
 * <p>When a handler throws, the batch rolls back and its rows are retried one per transaction, so
 * one bad deadline cannot hold the others back; a failing row is pushed back by
 * {@code retryBackoff × attempts} and given up (failed_at) after {@code maxAttempts}. A failure while
 * the service stops ({@code stopping}) is none of the deadlines' doing: they are left due, untouched.
 */
public final class DeadlineChecker {

    private static final Logger LOG = Logger.getLogger(DeadlineChecker.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, DeadlineHandler> handlers;
    private final int batchSize;
    private final String owner;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final BooleanSupplier stopping;

    public DeadlineChecker(DataSource dataSource, Clock clock, Map<String, DeadlineHandler> handlers, int batchSize,
                           String owner, int maxAttempts, Duration retryBackoff, BooleanSupplier stopping) {
        this.stopping = stopping;
        this.dataSource = dataSource;
        this.clock = clock;
        this.handlers = Map.copyOf(handlers);
        this.batchSize = batchSize;
        this.owner = owner;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
    }

    /** Fires everything due now, batch after batch; returns how many this checker fired. */
    public int fireDue() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            int fired;
            try {
                fired = QuarkusTransaction.requiringNew().call(() -> fireBatch(now, null));
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean()) {
                    // Failed because the service is going away (its persistence unit closes under the handler), not
                    // because of a deadline: none of them is charged an attempt or moved; the next check fires them.
                    LOG.warnf("deadlines failed while the service stops; left due for the next check: %s", e.getMessage());
                    return total;
                }
                LOG.warnf("a deadline handler failed (%s); retrying that batch one deadline at a time", e.getMessage());
                fired = fireOneByOne(now);
            }
            total += fired;
            if (fired < batchSize) {
                return total;
            }
        }
    }

    private int fireOneByOne(Instant now) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> dueIds(now));
        int fired = 0;
        for (long id : ids) {
            try {
                fired += QuarkusTransaction.requiringNew().call(() -> fireBatch(now, id));
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean()) {
                    LOG.warnf("deadline %d failed while the service stops; left due for the next check: %s", id, e.getMessage());
                    return fired;
                }
                recordFailure(id, now, e);
            }
        }
        return fired;
    }

    private List<Long> dueIds(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var select = connection.prepareStatement("""
                     SELECT id FROM platform_deadline
                     WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL AND due_at <= ?
                     ORDER BY due_at, id LIMIT ?""")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, batchSize);
            List<Long> ids = new ArrayList<>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Claims due rows (all of a batch, or the one {@code onlyId}), hands them out, marks them fired. */
    private int fireBatch(Instant now, Long onlyId) throws SQLException {
        List<DueDeadline> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (var select = connection.prepareStatement("""
                    SELECT id, kind, subject, name, incident_id, due_at, data FROM platform_deadline
                    WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL AND due_at <= ?
                      AND (? IS NULL OR id = ?)
                    ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setObject(2, onlyId, java.sql.Types.BIGINT);
                select.setObject(3, onlyId, java.sql.Types.BIGINT);
                select.setInt(4, batchSize);
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new DueDeadline(rs.getLong(1), new Deadline(rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), now));
                    }
                }
            }
            for (DueDeadline due : claimed) {
                DeadlineHandler handler = handlers.get(due.deadline().kind());
                if (handler == null) {
                    // Another service version may know it; leave the row for a replica that does.
                    LOG.warnf("no handler for deadline kind %s (deadline %d); left pending", due.deadline().kind(), due.id());
                    continue;
                }
                handler.onDue(due);
            }
            if (!claimed.isEmpty()) {
                try (var update = connection.prepareStatement("""
                        UPDATE platform_deadline SET fired_at = ?, fired_by = ?, attempts = attempts + 1
                        WHERE id = ANY (?)""")) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setString(2, owner);
                    update.setArray(3, connection.createArrayOf("bigint", claimed.stream()
                            .filter(d -> handlers.containsKey(d.deadline().kind())).map(DueDeadline::id).toArray()));
                    update.executeUpdate();
                }
            }
        }
        return (int) claimed.stream().filter(d -> handlers.containsKey(d.deadline().kind())).count();
    }

    private void recordFailure(long id, Instant now, RuntimeException failure) {
        LOG.errorf(failure, "deadline %d failed in its handler", id);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 var update = connection.prepareStatement("""
                         UPDATE platform_deadline SET attempts = attempts + 1, last_error = ?,
                             due_at = CAST(? AS timestamptz) + (CAST(? AS bigint) * (attempts + 1)) * INTERVAL '1 millisecond',
                             failed_at = CASE WHEN attempts + 1 >= ? THEN CAST(? AS timestamptz) ELSE NULL END
                         WHERE id = ?""")) {
                update.setString(1, String.valueOf(failure.getMessage()));
                update.setTimestamp(2, Timestamp.from(now));
                update.setLong(3, retryBackoff.toMillis());
                update.setInt(4, maxAttempts);
                update.setTimestamp(5, Timestamp.from(now));
                update.setLong(6, id);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the failure of deadline " + id, e);
            }
        });
    }
}
