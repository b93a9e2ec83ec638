package io.liandong.platform.cloudevents;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 in Kafka binary mode: attributes as {@code ce_*} headers, the JSON data as the value. */
public final class CloudEventCodec {

    private CloudEventCodec() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, String key, EventEnvelope event) {
        var record = new ProducerRecord<String, byte[]>(topic, key, event.dataJson().getBytes(StandardCharsets.UTF_8));
        writeHeaders(event, record.headers());
        return record;
    }

    public static void writeHeaders(EventEnvelope event, Headers headers) {
        put(headers, CloudEventHeaders.CE_SPECVERSION, CloudEventHeaders.SPEC_VERSION);
        put(headers, CloudEventHeaders.CE_ID, event.id());
        put(headers, CloudEventHeaders.CE_SOURCE, event.source());
        put(headers, CloudEventHeaders.CE_TYPE, event.type().type());
        put(headers, CloudEventHeaders.CE_SUBJECT, event.subject());
        put(headers, CloudEventHeaders.CE_TIME, event.time().toString());
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE);
        put(headers, CloudEventHeaders.CE_INCIDENTID, event.incidentId());
        put(headers, CloudEventHeaders.CE_CORRELATIONID, event.correlationId());
        put(headers, CloudEventHeaders.CE_CAUSATIONID, event.causationId());
    }

    /**
     * Reads a consumed record back into an envelope.
     *
     * @throws PoisonEventException when the record is not a CloudEvent of a type in the catalogue
     */
    public static EventEnvelope read(Headers headers, byte[] value) {
        String specVersion = header(headers, CloudEventHeaders.CE_SPECVERSION);
        if (specVersion == null) {
            throw new PoisonEventException("not a binary-mode CloudEvent: header " + CloudEventHeaders.CE_SPECVERSION + " is missing");
        }
        if (!CloudEventHeaders.SPEC_VERSION.equals(specVersion)) {
            throw new PoisonEventException("unsupported CloudEvents spec version " + specVersion);
        }
        String id = required(headers, CloudEventHeaders.CE_ID);
        String typeName = required(headers, CloudEventHeaders.CE_TYPE);
        EventType type = EventType.of(typeName)
                .orElseThrow(() -> new PoisonEventException("unknown event type " + typeName));
        String source = required(headers, CloudEventHeaders.CE_SOURCE);
        String subject = required(headers, CloudEventHeaders.CE_SUBJECT);
        Instant time;
        try {
            time = Instant.parse(required(headers, CloudEventHeaders.CE_TIME));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("header " + CloudEventHeaders.CE_TIME + " is not an RFC 3339 time: " + e.getParsedString());
        }
        if (value == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        return new EventEnvelope(id, type, source, subject, time,
                header(headers, CloudEventHeaders.CE_INCIDENTID),
                header(headers, CloudEventHeaders.CE_CORRELATIONID),
                header(headers, CloudEventHeaders.CE_CAUSATIONID),
                utf8(value, id));
    }

    private static String utf8(byte[] value, String id) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new PoisonEventException("data of event " + id + " is not UTF-8");
        }
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("required header " + name + " is missing");
        }
        return value;
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
