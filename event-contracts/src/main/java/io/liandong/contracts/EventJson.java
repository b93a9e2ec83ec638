package io.liandong.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The one JSON mapping for event payloads, used by every producer and consumer.
 *
 * <ul>
 *   <li>instants as ISO-8601 strings in UTC ({@code 2026-03-14T05:43:20Z}), durations and periods
 *       as ISO-8601 too ({@code PT4M30S}, {@code P1M});</li>
 *   <li>absent values are left out rather than written as {@code null};</li>
 *   <li>tolerant reader: unknown properties are ignored, so a producer may add optional fields
 *       without breaking consumers still on the older record;</li>
 *   <li>but a missing required value fails the read, so a malformed event is caught at the door.</li>
 * </ul>
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    /**
     * A mapper configured exactly like the one used here, for frameworks that want an
     * {@link ObjectMapper}. It is a copy: reconfiguring it cannot change how events are written.
     * A copy starts with empty caches and learns every type again, so take one once and keep it;
     * to read or write a value, use the methods here, which share one mapper.
     */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** The JSON text of a payload. */
    public static String write(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("cannot write " + payload.getClass().getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a payload of a known class. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a value of a generic type, e.g. a list of records stored as a JSON column. */
    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("cannot read " + type.getType().getTypeName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the payload of an event of the given type. */
    public static EventPayload read(String json, EventType type) {
        return read(json, type.payloadClass());
    }

    /** Reads any JSON text as a tree, e.g. to inspect an event whose type is unknown. */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
