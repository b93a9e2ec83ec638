package io.liandong.department.application;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventPayload;
import io.liandong.platform.outbox.Outbox;
import io.liandong.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes through the outbox, continuing the causal chain when an event caused the change. */
@ApplicationScoped
public class Events {

    private final Outbox outbox;

    Events(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param cause the consumed event that led here, or null for a REST call */
    public EventEnvelope publish(EventPayload payload, EventEnvelope cause) {
        OutgoingEvent event = OutgoingEvent.of(payload);
        return outbox.publish(cause == null ? event : event.causedBy(cause));
    }
}
