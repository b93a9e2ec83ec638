package io.liandong.platform.outbox;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventPayload;
import java.util.Objects;

/**
 * An event a service is about to publish. Type, subject, incident and key all follow from the
 * payload (see {@link EventPayload}); what is left is how it relates to other events.
 *
 * @param correlationId the chain it belongs to; {@code null} starts a new chain
 * @param causationId the id of the event that caused it, if an event did (not a REST call)
 */
public record OutgoingEvent(EventPayload payload, String correlationId, String causationId) {

    public OutgoingEvent {
        Objects.requireNonNull(payload, "payload");
    }

    public static OutgoingEvent of(EventPayload payload) {
        return new OutgoingEvent(payload, null, null);
    }

    /** Continues the chain of the event that caused this one: same correlation, causation = its id. */
    public OutgoingEvent causedBy(EventEnvelope cause) {
        return new OutgoingEvent(payload, cause.correlationId(), cause.id());
    }
}
