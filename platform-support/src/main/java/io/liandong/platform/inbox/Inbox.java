package io.liandong.platform.inbox;

import io.liandong.contracts.EventEnvelope;
import io.liandong.platform.timeline.IncidentTimeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Remembers which events each consumer has handled, in the transaction of the handling, and records in the
 * incident's timeline each event about an incident as it is first handled.
 */
@ApplicationScoped
public class Inbox {

    private final DataSource dataSource;
    private final Clock clock;

    Inbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} handles {@code event} now and, if the event is about an incident, records it in
     * that incident's timeline: one statement, one round trip.
     *
     * @return false when it was handled before: the caller must change nothing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        boolean aboutAnIncident = event.incidentId() != null;
        String sql = """
                WITH received AS (
                    INSERT INTO inbox_event (consumer, event_id, ce_type, ce_time, processed_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id)"""
                + (aboutAnIncident ? ",\n" + IncidentTimeline.RECORD_RECEIVED : "")
                + "\nSELECT count(*) FROM received";
        Instant now = clock.instant();
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, consumer);
            statement.setString(2, event.id());
            statement.setString(3, event.type().type());
            statement.setTimestamp(4, Timestamp.from(event.time()));
            statement.setTimestamp(5, Timestamp.from(now));
            if (aboutAnIncident) {
                IncidentTimeline.bindReceived(statement, 6, event, now);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + event.id() + " in the inbox", e);
        }
    }
}
