package io.liandong.grievance.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.devstack.TopicWriter;
import io.liandong.grievance.support.Db;
import io.liandong.grievance.support.Events;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * A grievance shows its incident's progress: the dispatch, department and followup events it
 * consumes link it to the incident and tell the complainant who handles it, that an agreement was
 * reached and when each promise is due.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class IncidentProgressTest {

    private static String file(String area, double lat) {
        return As.hq().contentType(ContentType.JSON).body("""
                        {"category": "shop-rent", "description": "租金一次性上调",
                         "place": {"lat": %s, "lon": 120.2119, "areaCode": "%s"}, "channel": "web"}""".formatted(lat, area))
                .post("/api/v1/grievances").then().statusCode(201).extract().path("id");
    }

    private static EventEnvelope send(EventType type, String incident, Consumer<ObjectNode> edit) {
        ObjectNode data = (ObjectNode) EventJson.readTree(type.sampleJson());
        data.put("incidentId", incident);
        edit.accept(data);
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(),
                EventJson.read(data.toString(), type), null, null);
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(type.topic(), incident, event));
        }
        return event;
    }

    @Test
    void anIncidentOpenedFromASurgeTakesUpItsGrievancesAndTheyShowItsProgress() {
        String area = String.valueOf(100000 + (int) (Math.random() * 899999));
        String first = file(area, 25.0);
        String second = file(area, 25.001);
        String elsewhere = file(String.valueOf(100000 + (int) (Math.random() * 899999)), 45.0);
        String cluster = As.hq().get("/api/v1/grievances/" + first).then().extract().path("surgeClusterId");
        String incident = "inc-" + UUID.randomUUID();

        EventEnvelope reported = send(EventType.INCIDENT_REPORTED, incident, d -> {
            d.put("origin", "surge");
            d.put("surgeClusterId", cluster);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.hq().get("/api/v1/grievances/" + second)
                .then().body("status", equalTo("linked")).body("incidentId", equalTo(incident)));
        As.hq().get("/api/v1/grievances/" + first).then().body("incidentId", equalTo(incident))
                .body("progress.kind", hasItems("received", "linked", "incident-opened"));

        String before = As.hq().get("/api/v1/grievances/" + second).then().extract().header("ETag");
        send(EventType.ASSIGNMENT_CREATED, incident, d -> {
            d.put("agencyRole", "competent-department");
            d.put("agencyId", "commerce-bureau");
        });
        send(EventType.RESOLUTION_AGREED, incident, d -> {
            ((ArrayNode) d.get("linkedGrievanceIds")).removeAll().add(first).add(elsewhere);
            d.get("commitments").forEach(c -> ((ObjectNode) c).put("dueAt", "2099-02-28T16:00:00Z"));
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.hq().get("/api/v1/grievances/" + elsewhere)
                .then().body("incidentId", equalTo(incident)));
        As.hq().get("/api/v1/grievances/" + first).then().statusCode(200)
                .body("progress.text", hasItem("Handled by the 商务局 (commerce bureau)."))
                .body("progress.text", hasItem(containsString("Agreement reached:")))
                .body("progress.text", hasItem(matchesPattern("Commitment due on 2099-03-01: .*")))
                .body("expectedAt", equalTo("2099-02-28T16:00:00Z"))
                .body("statusNote", containsString("Commitment due on"));
        // Every grievance of the incident shows the newest line, and a client holding an older copy is told it changed.
        As.hq().get("/api/v1/grievances/" + second).then().statusCode(200)
                .body("statusNote", containsString("Commitment due on"))
                .header("ETag", not(equalTo(before)));
        given().get("/open311/v2/requests.json?service_request_id=" + second).then()
                .body("[0].status", equalTo("open"))
                .body("[0].status_notes", containsString("Commitment due on"))
                .body("[0].expected_datetime", equalTo("2099-03-01T00:00:00+08:00"));

        var records = Events.readUntil(rs -> Events.of(rs, "io.liandong.grievance.linked.v1", elsewhere).size() == 1
                && Events.of(rs, "io.liandong.grievance.linked.v1", second).size() == 1);
        var linked = Events.of(records, "io.liandong.grievance.linked.v1", second).get(0);
        assertThat(linked.key()).isEqualTo(incident);
        assertThat(TopicReader.header(linked, CloudEventHeaders.CE_CAUSATIONID)).isEqualTo(reported.id());
        assertThat(Events.body(linked)).contains(cluster);
        assertThat(List.of(first, second)).allSatisfy(id ->
                assertThat(Events.of(records, "io.liandong.grievance.linked.v1", id)).hasSize(1));
    }

    @Test
    void aGrievanceJoiningTheSurgeOfAnOpenIncidentBelongsToItAndAClosedIncidentEndsTheSurge() {
        String area = String.valueOf(100000 + (int) (Math.random() * 899999));
        String first = file(area, 26.0);
        String cluster = As.hq().get("/api/v1/grievances/" + first).then().extract().path("surgeClusterId");
        String incident = "inc-" + UUID.randomUUID();
        send(EventType.INCIDENT_REPORTED, incident, d -> {
            d.put("origin", "surge");
            d.put("surgeClusterId", cluster);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.hq().get("/api/v1/grievances/" + first)
                .then().body("incidentId", equalTo(incident)));

        // Filed after the incident opened, into the same surge: linked to it at once, and told so.
        String late = As.hq().contentType(ContentType.JSON).body("""
                        {"category": "shop-rent", "description": "我们也被涨租了",
                         "place": {"lat": 26.001, "lon": 120.2119, "areaCode": "%s"}, "channel": "web"}""".formatted(area))
                .post("/api/v1/grievances").then().statusCode(201)
                .body("surgeClusterId", equalTo(cluster)).body("incidentId", equalTo(incident)).body("status", equalTo("linked"))
                .extract().path("id");
        var linked = Events.of(Events.readUntil(Events.has("io.liandong.grievance.linked.v1", late)),
                "io.liandong.grievance.linked.v1", late);
        assertThat(linked).hasSize(1);
        assertThat(linked.get(0).key()).isEqualTo(incident);
        As.hq().get("/api/v1/grievances/" + late).then().body("progress.kind", hasItems("received", "linked", "incident-opened"));

        // Closed: the surge is over, and the next grievance there starts a new one, answered by no incident yet.
        send(EventType.INCIDENT_STATUS_CHANGED, incident, d -> {
            d.put("from", "resolved");
            d.put("to", "closed");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "SELECT count(*) FROM surge_cluster WHERE id = ? AND ended_at IS NOT NULL", cluster) == 1);
        As.hq().contentType(ContentType.JSON).body("""
                        {"category": "shop-rent", "description": "租金又涨了",
                         "place": {"lat": 26.002, "lon": 120.2119, "areaCode": "%s"}, "channel": "web"}""".formatted(area))
                .post("/api/v1/grievances").then().statusCode(201)
                .body("surgeClusterId", not(equalTo(cluster))).body("incidentId", nullValue()).body("status", equalTo("received"));
    }
}
