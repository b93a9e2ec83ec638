package io.liandong.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as it travels: the CloudEvent attributes plus the JSON payload.
 *
 * <p>A value type only; mapping it to and from Kafka headers is the messaging layer's job
 * (see {@link CloudEventHeaders} for the names).
 *
 * @param id            unique per event; consumers deduplicate on it
 * @param type          what happened
 * @param source        the producing service, e.g. {@code /dispatch-service}
 * @param subject       the id of the aggregate the event is about
 * @param time          when it happened (not when it was published)
 * @param incidentId    the incident it belongs to, or {@code null}
 * @param correlationId the id of the first event of the causal chain (its own id if it starts one)
 * @param causationId   the id of the event whose handling produced this one, or {@code null}
 * @param dataJson      the payload as JSON text
 */
public record EventEnvelope(
        String id,
        EventType type,
        String source,
        String subject,
        Instant time,
        String incidentId,
        String correlationId,
        String causationId,
        String dataJson) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dataJson, "dataJson");
        if (correlationId == null) {
            correlationId = id;
        }
    }

    /**
     * The envelope for a payload: type, source, subject and incident are taken from the payload
     * and the catalogue, so they cannot disagree with it.
     *
     * @param correlationId {@code null} to start a new chain
     * @param causationId   {@code null} when no event caused this one (e.g. a REST call did)
     */
    public static EventEnvelope of(String id, Instant time, EventPayload payload, String correlationId, String causationId) {
        EventType type = EventType.forPayload(payload.getClass())
                .orElseThrow(() -> new IllegalArgumentException("not in the event catalogue: " + payload.getClass().getName()));
        return new EventEnvelope(id, type, type.producer().source(), payload.subject(), time,
                payload.incident().orElse(null), correlationId, causationId, EventJson.write(payload));
    }

    /** The Kafka record key: the incident id where there is one, otherwise the subject. */
    public String partitionKey() {
        return incidentId != null ? incidentId : subject;
    }

    /** The topic the event is published to. */
    public String topic() {
        return type.topic();
    }

    /** The payload, read as the record its type names. */
    public EventPayload payload() {
        return EventJson.read(dataJson, type);
    }
}
