package io.liandong.platform.outbox;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.Service;
import io.liandong.platform.config.PlatformConfig;
import io.liandong.platform.config.Services;
import io.liandong.platform.timeline.IncidentTimeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The only way a service publishes an event: the row is written in the caller's transaction,
 * so it commits or rolls back with the state change it reports, and in the same statement joins the
 * incident's timeline when it is about one. The relay sends it after commit.
 */
@ApplicationScoped
public class Outbox {

    private final DataSource dataSource;
    private final Clock clock;
    private final Service service;
    private final Event<OutboxWritten> written;
    private final int maxEventBytes;

    Outbox(DataSource dataSource, Clock clock, PlatformConfig config, Event<OutboxWritten> written) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.service = Services.named(config.service());
        this.maxEventBytes = config.outbox().maxEventBytes();
        this.written = written;
    }

    /** Stores the event with the current transaction's changes; requires a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(OutgoingEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /**
     * Stores the events, in this order, with the current transaction's changes: one round trip to the database however
     * many they are (a surge's thousands of links). Requires a transaction; none is stored if one of them may not be.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<OutgoingEvent> events) {
        // PostgreSQL keeps microseconds: the event carries the time exactly as stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            envelopes.add(checked(EventEnvelope.of(UUID.randomUUID().toString(), now, event.payload(),
                    event.correlationId(), event.causationId())));
        }
        if (envelopes.isEmpty()) {
            return envelopes;
        }
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                WITH written AS (
                    INSERT INTO outbox_event (event_id, topic, message_key, ce_type, ce_source, ce_subject, ce_time,
                        incident_id, correlation_id, causation_id, payload, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING event_id, incident_id, ce_type, ce_source, ce_subject, ce_time, created_at, payload)
                """ + IncidentTimeline.RECORD_WRITTEN)) {
            for (EventEnvelope envelope : envelopes) {
                insert.setObject(1, UUID.fromString(envelope.id()));
                insert.setString(2, service.eventsTopic());
                insert.setString(3, envelope.partitionKey());
                insert.setString(4, envelope.type().type());
                insert.setString(5, envelope.source());
                insert.setString(6, envelope.subject());
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setString(8, envelope.incidentId());
                insert.setString(9, envelope.correlationId());
                insert.setString(10, envelope.causationId());
                insert.setString(11, envelope.dataJson());
                insert.setTimestamp(12, Timestamp.from(now));
                insert.addBatch();
            }
            // The driver sends a batch's statements together and reads their answers together.
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + envelopes.size() + " event(s), the first "
                    + envelopes.get(0).type().type() + ", to the outbox", e);
        }
        // Delivered to the relay only if and when this transaction commits.
        for (EventEnvelope envelope : envelopes) {
            written.fire(new OutboxWritten(envelope.id(), envelope.subject()));
        }
        return envelopes;
    }

    private EventEnvelope checked(EventEnvelope envelope) {
        if (envelope.type().producer() != service) {
            throw new IllegalArgumentException(service.serviceName() + " may not publish " + envelope.type().type()
                    + ": it belongs to " + envelope.type().producer().serviceName());
        }
        String data = envelope.dataJson();
        // A character takes at most three bytes in UTF-8 (a surrogate pair, two characters, four).
        if ((long) data.length() * 3 > maxEventBytes && data.getBytes(StandardCharsets.UTF_8).length > maxEventBytes) {
            throw new IllegalStateException(envelope.type().type() + " about " + envelope.subject() + " would carry "
                    + data.getBytes(StandardCharsets.UTF_8).length + " bytes of data, more than Kafka takes in one record ("
                    + "liandong.platform.outbox.max-event-bytes = " + maxEventBytes + "); the change is not made");
        }
        return envelope;
    }
}
