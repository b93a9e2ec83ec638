package io.liandong.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.Topics;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.common.GeoPoint;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.devstack.TopicWriter;
import io.liandong.dispatch.support.Db;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * From a grievance surge on Kafka to assignments on Kafka. A surge of 20 or more opens an incident
 * at once (test configuration); a smaller one is proposed to an operator.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class SurgeToAssignmentsTest {

    @Test
    void aLargeSurgeOnKafkaOpensAnIncidentWhoseAssignmentsArriveOnKafka() {
        String cluster = "cls-" + UUID.randomUUID();
        EventEnvelope surge = surge(cluster, 1, 25);
        write(surge);
        write(surge);                                     // redelivered: still one incident
        write(surge(cluster, 2, 40));                     // a later revision: still one incident

        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.DISPATCH_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(rs -> {
                String incident = incidentOf(rs, cluster);
                return incident != null && rs.stream().filter(r -> incident.equals(r.key()))
                        .filter(r -> "io.liandong.assignment.created.v1".equals(TopicReader.header(r, CloudEventHeaders.CE_TYPE)))
                        .count() >= 3;
            }, Duration.ofSeconds(60));
            String incident = incidentOf(records, cluster);
            List<AssignmentCreated> created = new ArrayList<>();
            for (var r : records) {
                if (incident.equals(r.key()) && "io.liandong.assignment.created.v1".equals(TopicReader.header(r, CloudEventHeaders.CE_TYPE))) {
                    created.add(EventJson.read(new String(r.value(), StandardCharsets.UTF_8), AssignmentCreated.class));
                    assertThat(TopicReader.header(r, CloudEventHeaders.CE_CAUSATIONID)).isEqualTo(surge.id());
                    assertThat(TopicReader.header(r, CloudEventHeaders.CE_CORRELATIONID)).isEqualTo(surge.id());
                }
            }
            assertThat(created).extracting(AssignmentCreated::agencyId)
                    .containsExactlyInAnyOrder("police-binjiang-branch", "commerce-bureau", "community-binjiang-xixing");
            As.hq().get("/api/v1/incidents/" + incident).then().statusCode(200)
                    .body("origin", equalTo("surge")).body("surgeClusterId", equalTo(cluster))
                    .body("incidentType", equalTo("commercial-dispute")).body("status", equalTo("dispatched"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("SELECT count(*) FROM inbox_event WHERE consumer = 'dispatch-service' AND ce_type = ?",
                        "io.liandong.grievance.surge-detected.v1") >= 2);
        assertThat(Db.count("SELECT count(*) FROM incident WHERE surge_cluster_id = ?", cluster)).isEqualTo(1);
    }

    @Test
    void aSmallSurgeIsProposedAndAnOperatorAcceptsOrDismissesIt() {
        String accepted = "cls-" + UUID.randomUUID();
        String dismissed = "cls-" + UUID.randomUUID();
        write(surge(accepted, 1, 5));
        write(surge(accepted, 2, 8));
        write(surge(dismissed, 1, 4));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.hq().queryParam("status", "pending")
                .get("/api/v1/incident-proposals").then().statusCode(200)
                .body("clusterId", hasItem(accepted)).body("clusterId", hasItem(dismissed))
                .body("find { it.clusterId == '" + accepted + "' }.revision", equalTo(2)));
        String proposal = As.hq().get("/api/v1/incident-proposals").then()
                .extract().path("find { it.clusterId == '" + accepted + "' }.id");
        String other = As.hq().get("/api/v1/incident-proposals").then()
                .extract().path("find { it.clusterId == '" + dismissed + "' }.id");
        assertThat(Db.count("SELECT count(*) FROM incident WHERE surge_cluster_id = ?", accepted)).isZero();
        As.hq().get("/api/v1/incident-proposals/" + proposal).then().statusCode(200)
                .body("status", equalTo("pending")).body("grievanceCount", equalTo(8))
                .body("grievanceIds.size()", equalTo(8));

        As.hq().contentType(ContentType.JSON).body("{\"acceptedBy\": \"hq-operator-07\", \"incidentType\": \"alien-landing\"}")
                .post("/api/v1/incident-proposals/" + proposal + "/accept").then().statusCode(422)
                .body("errors[0].field", equalTo("incidentType"));
        String incident = As.hq().contentType(ContentType.JSON).body("{\"acceptedBy\": \"hq-operator-07\", \"severity\": \"high\"}")
                .post("/api/v1/incident-proposals/" + proposal + "/accept").then().statusCode(200)
                .body("status", equalTo("accepted")).body("incidentId", notNullValue()).extract().path("incidentId");
        As.hq().get("/api/v1/incidents/" + incident).then().body("severity", equalTo("high")).body("origin", equalTo("surge"));
        As.hq().get("/api/v1/incidents/" + incident + "/assignments").then().body("agencyRole", hasItem("health-commission"));
        As.hq().contentType(ContentType.JSON).body("{\"acceptedBy\": \"hq-operator-07\"}")
                .post("/api/v1/incident-proposals/" + proposal + "/accept").then().statusCode(409);

        As.hq().contentType(ContentType.JSON).body("{\"dismissedBy\": \"hq-operator-07\"}")
                .post("/api/v1/incident-proposals/" + other + "/dismiss").then().statusCode(400);
        As.hq().contentType(ContentType.JSON).body("{\"dismissedBy\": \"hq-operator-07\", \"reason\": \"a market day\"}")
                .post("/api/v1/incident-proposals/" + other + "/dismiss").then().statusCode(200).body("status", equalTo("dismissed"));
        As.hq().contentType(ContentType.JSON).body("{\"acceptedBy\": \"hq-operator-07\"}")
                .post("/api/v1/incident-proposals/" + other + "/accept").then().statusCode(409);
        As.hq().get("/api/v1/incident-proposals/prp-nope").then().statusCode(404);
        As.hq().queryParam("status", "maybe").get("/api/v1/incident-proposals").then().statusCode(422);
    }

    static EventEnvelope surge(String cluster, int revision, int count) {
        Instant now = Instant.now();
        List<String> grievances = IntStream.range(0, count).mapToObj(i -> "grv-" + cluster + "-" + i).toList();
        return EventEnvelope.of(UUID.randomUUID().toString(), now, new GrievanceSurgeDetected(cluster, revision,
                "commercial-dispute", "rent-increase", "330108", new GeoPoint(30.2084, 120.2119), 300, grievances, count,
                now.minusSeconds(1800), now, now), null, null);
    }

    static void write(EventEnvelope event) {
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(Topics.GRIEVANCE_EVENTS, event.partitionKey(), event));
        }
    }

    static String incidentOf(List<ConsumerRecord<String, byte[]>> records, String cluster) {
        for (var r : records) {
            if ("io.liandong.incident.reported.v1".equals(TopicReader.header(r, CloudEventHeaders.CE_TYPE))) {
                IncidentReported reported = EventJson.read(new String(r.value(), StandardCharsets.UTF_8), IncidentReported.class);
                if (cluster.equals(reported.surgeClusterId()) && reported.origin() == IncidentOrigin.SURGE) {
                    return reported.incidentId();
                }
            }
        }
        return null;
    }
}
