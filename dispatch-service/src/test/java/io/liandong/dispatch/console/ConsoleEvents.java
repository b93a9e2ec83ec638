package io.liandong.dispatch.console;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes valid CloudEvents of the catalogue on the services' topics, as their producers would: the golden sample of a
 * type, moved to a test's own incident and changed where a test says so.
 */
final class ConsoleEvents implements AutoCloseable {

    private final TopicWriter writer = new TopicWriter(Devstack.kafka().bootstrapServers());

    /** The sample of {@code type} about {@code incidentId}, with {@code changes} (top-level fields) applied. */
    static EventEnvelope event(EventType type, String incidentId, Instant time, Map<String, Object> changes) {
        ObjectNode data = (ObjectNode) EventJson.readTree(type.sampleJson());
        if (data.has("incidentId")) {
            data.put("incidentId", incidentId);
        }
        changes.forEach((field, value) -> data.set(field, EventJson.mapper().valueToTree(value)));
        return EventEnvelope.of(UUID.randomUUID().toString(), time, EventJson.read(data.toString(), type), null, null);
    }

    static EventEnvelope event(EventType type, String incidentId, Map<String, Object> changes) {
        return event(type, incidentId, Instant.now(), changes);
    }

    /** Writes it on its producer's topic, keyed by its incident; returns once the broker has it. */
    EventEnvelope write(EventEnvelope event) {
        writer.send(CloudEventCodec.toRecord(event.topic(), event.partitionKey(), event));
        return event;
    }

    EventEnvelope write(EventType type, String incidentId, Map<String, Object> changes) {
        return write(event(type, incidentId, changes));
    }

    private static volatile boolean warm;

    /**
     * Once per test JVM: one event on each of the four topics, and back only when the console shows them all. A topic
     * that did not exist yet is created by the first write and joins the console's subscription a few seconds later;
     * tests that time the console start after that.
     */
    static void warmUp(String token) {
        if (warm) {
            return;
        }
        String incident = newIncidentId();
        List<String> ids = new ArrayList<>();
        try (var events = new ConsoleEvents()) {
            for (EventType type : List.of(EventType.GRIEVANCE_LINKED, EventType.INCIDENT_REPORTED,
                    EventType.ASSIGNMENT_NOTE_ADDED, EventType.FOLLOWUP_ITEM_UPDATED)) {
                ids.add(events.write(type, incident, Map.of()).id());
            }
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/console/snapshot").then().statusCode(200)
                .body("activity.eventId", hasItems(ids.toArray(String[]::new))));
        warm = true;
    }

    static String newIncidentId() {
        return "inc-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Override
    public void close() {
        writer.close();
    }
}
