package io.liandong.platform.inbox;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventPayload;

/** A consumed event: its envelope and its payload, already read into the payload record. */
public record ReceivedEvent<P extends EventPayload>(EventEnvelope envelope, P payload) {
}
