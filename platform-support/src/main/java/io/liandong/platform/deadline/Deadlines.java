package io.liandong.platform.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Schedules and cancels durable deadlines in the caller's transaction. */
@ApplicationScoped
public class Deadlines {

    private final DataSource dataSource;
    private final Clock clock;

    Deadlines(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A pending deadline as stored. */
    public record Pending(long id, Deadline deadline) {
    }

    /**
     * Stores the deadline with the current transaction's changes.
     *
     * @return false when a deadline of that kind, subject and name already exists (it is kept)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean schedule(Deadline deadline) {
        return scheduleAll(List.of(deadline)) == 1;
    }

    /**
     * Stores several deadlines with the current transaction's changes, in one round trip to the
     * database; one that already exists (same kind, subject and name) is kept.
     *
     * @return how many were new
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int scheduleAll(List<Deadline> deadlines) {
        if (deadlines.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                     INSERT INTO platform_deadline (kind, subject, name, incident_id, due_at, data, created_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, subject, name) DO NOTHING""")) {
            for (Deadline deadline : deadlines) {
                insert.setString(1, deadline.kind());
                insert.setString(2, deadline.subject());
                insert.setString(3, deadline.name());
                insert.setString(4, deadline.incidentId());
                insert.setTimestamp(5, Timestamp.from(deadline.dueAt()));
                insert.setString(6, deadline.data());
                insert.setTimestamp(7, now);
                insert.addBatch();
            }
            int stored = 0;
            for (int count : insert.executeBatch()) {
                stored += count > 0 ? 1 : 0;
            }
            return stored;
        } catch (SQLException e) {
            Deadline first = deadlines.get(0);
            throw new IllegalStateException("could not schedule deadline " + first.name() + " of " + first.subject()
                    + (deadlines.size() > 1 ? " and " + (deadlines.size() - 1) + " more" : ""), e);
        }
    }

    /**
     * Cancels the pending deadlines of a subject whose name starts with {@code namePrefix} (empty:
     * all of them), in the current transaction.
     *
     * @return how many were cancelled
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancel(String kind, String subject, String namePrefix) {
        try (var connection = dataSource.getConnection();
             var update = connection.prepareStatement("""
                     UPDATE platform_deadline SET cancelled_at = ?
                     WHERE kind = ? AND subject = ? AND name LIKE ? AND fired_at IS NULL AND cancelled_at IS NULL
                       AND failed_at IS NULL""")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, kind);
            update.setString(3, subject);
            update.setString(4, escapeLike(namePrefix) + "%");
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not cancel deadlines of " + subject, e);
        }
    }

    /** The deadlines of a subject that have neither fired nor been cancelled, in due order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pending> pending(String kind, String subject) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("""
                     SELECT id, name, incident_id, due_at, data FROM platform_deadline
                     WHERE kind = ? AND subject = ? AND fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL
                     ORDER BY due_at, id""")) {
            select.setString(1, kind);
            select.setString(2, subject);
            List<Pending> pending = new ArrayList<>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant due = rs.getTimestamp(4).toInstant();
                    pending.add(new Pending(rs.getLong(1),
                            new Deadline(kind, subject, rs.getString(2), rs.getString(3), due, rs.getString(5))));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the deadlines of " + subject, e);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
