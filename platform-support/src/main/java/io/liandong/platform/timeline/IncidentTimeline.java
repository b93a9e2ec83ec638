package io.liandong.platform.timeline;

import io.liandong.contracts.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every event about an incident that this service produced or consumed, kept in the order it
 * happened. Written by the outbox and by the consumer pipeline; read by timelines and reviews.
 */
@ApplicationScoped
public class IncidentTimeline {

    private final DataSource dataSource;
    private final Clock clock;

    IncidentTimeline(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope event) {
        if (event.incidentId() == null) {
            return;
        }
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                     INSERT INTO incident_event (event_id, incident_id, ce_type, ce_source, ce_subject, occurred_at,
                         recorded_at, data)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")) {
            insert.setString(1, event.id());
            insert.setString(2, event.incidentId());
            insert.setString(3, event.type().type());
            insert.setString(4, event.source());
            insert.setString(5, event.subject());
            insert.setTimestamp(6, Timestamp.from(event.time()));
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            insert.setString(8, event.dataJson());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + event.id() + " in the timeline", e);
        }
    }

    /** The incident's events in the order they happened (ties broken by event id, so the order is stable). */
    public List<TimelineEntry> of(String incidentId) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("""
                     SELECT event_id, ce_type, ce_source, ce_subject, occurred_at, data FROM incident_event
                     WHERE incident_id = ? ORDER BY occurred_at, event_id""")) {
            select.setString(1, incidentId);
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
