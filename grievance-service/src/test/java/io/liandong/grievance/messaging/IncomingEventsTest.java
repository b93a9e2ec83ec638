package io.liandong.grievance.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.contracts.Topics;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class IncomingEventsTest {

    @Test
    void theServiceIsReadyWithItsDatabaseAndKafkaChecked() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "outbox"));
    }

    @Test
    void aConsumedEventJoinsTheIncidentTimelineOnceEvenWhenDeliveredTwice() throws IOException {
        String incident = "inc-" + UUID.randomUUID();
        EventType type = EventType.INCIDENT_REPORTED;
        ObjectNode data = (ObjectNode) EventJson.readTree(sample(type));
        data.put("incidentId", incident);
        var event = new EventEnvelope(UUID.randomUUID().toString(), type, "/dispatch-service", data.path(subjectField(type)).asText(incident),
                Instant.now(), incident, null, null, data.toString());
        var fence = new EventEnvelope(UUID.randomUUID().toString(), type, event.source(), event.subject(),
                event.time().plusSeconds(1), incident, null, null, data.toString());
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(Topics.DISPATCH_EVENTS, incident, event));
            writer.send(CloudEventCodec.toRecord(Topics.DISPATCH_EVENTS, incident, event));
            writer.send(CloudEventCodec.toRecord(Topics.DISPATCH_EVENTS, incident, fence));
        }

        // The fence comes after the redelivery on the same partition: once it shows, the redelivery was handled.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/incidents/" + incident + "/timeline")
                .then().statusCode(200)
                .body("events.id", hasItem(fence.id())));
        given().get("/api/v1/incidents/" + incident + "/timeline")
                .then().statusCode(200)
                .body("events.id", contains(event.id(), fence.id()))
                .body("events[0].type", equalTo(type.type()));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("liandong_information_delay_seconds_count{consumer=\"grievance-service\",type=\"" + type.type() + "\""));
    }

    private static String subjectField(EventType type) {
        return type == EventType.INCIDENT_REPORTED ? "incidentId" : "grievanceId";
    }

    private static String sample(EventType type) throws IOException {
        try (var in = EventType.class.getResourceAsStream(type.sampleResource())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
