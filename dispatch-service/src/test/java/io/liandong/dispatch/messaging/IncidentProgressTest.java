package io.liandong.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicWriter;
import io.liandong.dispatch.support.Api;
import io.liandong.dispatch.support.Db;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/** department-service's mediation and resolution events move the incident; a referral hands the assignment on. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class IncidentProgressTest {

    @Test
    void mediationFailureAgreementAndReferralMoveTheIncidentAndItsAssignment() {
        String incident = Api.report();
        String path = "/api/v1/incidents/" + incident;
        for (String to : new String[] {"on-scene", "under-control"}) {
            As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path))
                    .body("{\"status\": \"" + to + "\", \"changedBy\": \"hq-operator-07\"}").post(path + "/status")
                    .then().statusCode(200);
        }
        String department = Api.assignmentOf(incident, "competent-department");

        send(EventType.ASSIGNMENT_REFERRED, incident, n -> {
            n.put("assignmentId", department);
            n.put("fromAgencyId", "commerce-bureau");
            n.put("toAgencyId", "housing-bureau");
        });
        send(EventType.MEDIATION_SESSION_HELD, incident, n -> { });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                As.hq().get(path).then().body("status", equalTo("mediating")));
        As.hq().get(path + "/assignments/" + department).then().body("agencyId", equalTo("housing-bureau"));

        send(EventType.RESOLUTION_FAILED, incident, n -> { });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                As.hq().get(path).then().body("status", equalTo("under-control")));
        send(EventType.RESOLUTION_AGREED, incident, n -> { });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                As.hq().get(path).then().body("status", equalTo("resolved")));

        // Each automatic move is announced, caused by the event that made it.
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE incident_id = ? AND ce_type = ? AND causation_id IS NOT NULL",
                incident, "io.liandong.incident.status-changed.v1")).isEqualTo(3);
    }

    interface Edit {
        void apply(ObjectNode node);
    }

    private static void send(EventType type, String incident, Edit edit) {
        ObjectNode data = (ObjectNode) EventJson.readTree(type.sampleJson());
        data.put("incidentId", incident);
        edit.apply(data);
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(),
                EventJson.read(data.toString(), type), null, null);
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(type.topic(), incident, event));
        }
    }
}
