package io.liandong.contracts;

import java.util.Optional;

/**
 * The body of an event. Every payload is an immutable record registered in {@link EventType}.
 *
 * <p>The two methods tell the envelope what the event is about, so no producer has to work it out
 * again: {@link #subject()} becomes {@code ce_subject}, {@link #incident()} becomes
 * {@code ce_incidentid}, and together they give the Kafka key ({@link #partitionKey()}).
 */
public interface EventPayload {

    /** The id of the aggregate the event is about (the CloudEvent subject). */
    String subject();

    /** The incident the event belongs to, if it belongs to one yet. */
    Optional<String> incident();

    /**
     * The Kafka record key: the incident id where there is one, so that one partition holds an
     * incident's whole story in order; otherwise the aggregate id.
     */
    default String partitionKey() {
        return incident().orElse(subject());
    }
}
