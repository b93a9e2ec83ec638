package io.liandong.platform.timeline;

import io.liandong.contracts.EventEnvelope;
import io.liandong.platform.paging.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Every event about an incident that this service produced or consumed, kept in the order it
 * happened. Written by the outbox and by the consumer pipeline; read by timelines and reviews.
 */
@ApplicationScoped
public class IncidentTimeline {

    /**
     * The end of a statement whose data-modifying CTE {@code written} inserted outbox rows and returns them: it
     * records those about an incident in the same statement, so that publishing an event takes one round trip to
     * the database, not two.
     */
    public static final String RECORD_WRITTEN = """
            INSERT INTO incident_event (event_id, incident_id, ce_type, ce_source, ce_subject, occurred_at, recorded_at, data)
            SELECT event_id::text, incident_id, ce_type, ce_source, ce_subject, ce_time, created_at, payload FROM written
            WHERE incident_id IS NOT NULL ON CONFLICT (event_id) DO NOTHING""";

    private final DataSource dataSource;

    IncidentTimeline(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A data-modifying CTE, {@code recorded}, for a statement whose earlier CTE {@code received} returns a row
     * only when a consumer handles an event for the first time: it records that event in the timeline in the
     * same statement, so that taking an event in takes one round trip to the database, not two. Its eight
     * parameters are bound by {@link #bindReceived}; an event about no incident has no place in a timeline
     * and needs no such CTE.
     */
    public static final String RECORD_RECEIVED = """
            recorded AS (
                INSERT INTO incident_event (event_id, incident_id, ce_type, ce_source, ce_subject, occurred_at,
                    recorded_at, data)
                SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM received ON CONFLICT (event_id) DO NOTHING)""";

    /**
     * Binds the parameters of {@link #RECORD_RECEIVED} from {@code first} on.
     *
     * @return the index of the next parameter
     */
    public static int bindReceived(PreparedStatement statement, int first, EventEnvelope event, Instant recordedAt)
            throws SQLException {
        int i = first;
        statement.setString(i++, event.id());
        statement.setString(i++, event.incidentId());
        statement.setString(i++, event.type().type());
        statement.setString(i++, event.source());
        statement.setString(i++, event.subject());
        statement.setTimestamp(i++, Timestamp.from(event.time()));
        statement.setTimestamp(i++, Timestamp.from(recordedAt));
        statement.setString(i++, event.dataJson());
        return i;
    }

    /**
     * The incident's events in the order they happened (ties broken by event id, so the order is stable).
     * All of them: for a story told whole, such as a review. An answer to a request reads a page instead.
     */
    public List<TimelineEntry> of(String incidentId) {
        return select(incidentId, null, Set.of(), false, Integer.MAX_VALUE);
    }

    /** Up to {@code limit} events after {@code after} (the start when null), oldest first. */
    public List<TimelineEntry> page(String incidentId, Cursor after, int limit) {
        return select(incidentId, after, Set.of(), false, limit);
    }

    /** The latest {@code limit} events, oldest first. */
    public List<TimelineEntry> latest(String incidentId, int limit) {
        List<TimelineEntry> newestFirst = select(incidentId, null, Set.of(), true, limit);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * Up to {@code limit} events of types other than {@code exceptTypes}, newest first, before
     * {@code before} (from the newest when null): for a reader that wants what others did, latest first.
     */
    public List<TimelineEntry> newestExcept(String incidentId, Set<String> exceptTypes, Cursor before, int limit) {
        return select(incidentId, before, exceptTypes, true, limit);
    }

    /** Where a page that ended with {@code entry} stopped; pass it to {@link #page} or {@link #newestExcept}. */
    public static Cursor cursorOf(TimelineEntry entry) {
        return Cursor.of(entry.occurredAt().toString(), entry.eventId());
    }

    private List<TimelineEntry> select(String incidentId, Cursor from, Set<String> exceptTypes, boolean newestFirst,
                                       int limit) {
        String beyond = newestFirst ? "<" : ">";
        String direction = newestFirst ? " DESC" : "";
        String sql = "SELECT event_id, ce_type, ce_source, ce_subject, occurred_at, data FROM incident_event"
                + " WHERE incident_id = ?"
                + (from == null ? "" : " AND (occurred_at, event_id) " + beyond + " (?, ?)")
                + (exceptTypes.isEmpty() ? "" : " AND NOT (ce_type = ANY (?))")
                + " ORDER BY occurred_at" + direction + ", event_id" + direction
                + (limit == Integer.MAX_VALUE ? "" : " LIMIT ?");
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(sql)) {
            int i = 1;
            select.setString(i++, incidentId);
            if (from != null) {
                select.setTimestamp(i++, Timestamp.from(from.instant(0)));
                select.setString(i++, from.value(1));
            }
            if (!exceptTypes.isEmpty()) {
                select.setArray(i++, connection.createArrayOf("varchar", exceptTypes.toArray()));
            }
            if (limit != Integer.MAX_VALUE) {
                select.setInt(i, limit);
            }
            List<TimelineEntry> entries = new ArrayList<>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new TimelineEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the timeline of incident " + incidentId, e);
        }
    }
}
