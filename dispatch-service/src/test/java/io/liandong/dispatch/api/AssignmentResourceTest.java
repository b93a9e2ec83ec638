package io.liandong.dispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventPayload;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentEnRoute;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.assignment.AssignmentReleased;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicWriter;
import io.liandong.dispatch.support.Api;
import io.liandong.dispatch.support.Db;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AssignmentResourceTest {

    @Inject
    MovableClock clock;

    @Test
    void eachAssignmentShowsItsDutiesCrowdGuidanceTalkingPointsAndClocks() {
        String incident = Api.report();
        As.hq().get("/api/v1/incidents/" + incident + "/assignments").then().statusCode(200)
                .body("", hasSize(3))
                .body("find { it.agencyRole == 'police' }.onSiteGroup", equalTo("order-maintenance"))
                .body("find { it.agencyRole == 'police' }.duties", hasItem(containsString("cordon")))
                .body("find { it.agencyRole == 'community-committee' }.onSiteGroup", equalTo("crowd-guidance"))
                .body("find { it.agencyRole == 'community-committee' }.crowdGuidance.exits", hasItem(containsString("east exit")))
                .body("find { it.agencyRole == 'community-committee' }.crowdGuidance.steps[1].at", equalTo("PT3M"))
                .body("find { it.agencyRole == 'community-committee' }.talkingPoints", hasItem(containsString("east exit")))
                .body("find { it.agencyRole == 'competent-department' }.talkingPoints", hasItem(containsString("commerce bureau")))
                .body("find { it.agencyRole == 'police' }.acknowledgeDueAt", notNullValue());
        String police = Api.assignmentOf(incident, "police");
        As.hq().get("/api/v1/incidents/" + incident + "/assignments/" + police).then().statusCode(200)
                .header("ETag", notNullValue()).body("agencyName", containsString("Binjiang"));
    }

    @Test
    void anOperatorAddsAnAgencyByHandButNotAnUnknownOne() {
        String incident = Api.report();
        String path = "/api/v1/incidents/" + incident + "/assignments";
        As.hq().contentType(ContentType.JSON).body("{\"agencyId\": \"health-commission\", \"createdBy\": \"hq-operator-07\"}")
                .post(path).then().statusCode(201).header("Location", containsString("/assignments/asg-"))
                .body("manual", equalTo(true)).body("agencyRole", equalTo("health-commission"))
                .body("onSiteGroup", equalTo("logistics")).body("status", equalTo("notified"));
        assertThat(Db.outboxCount("io.liandong.assignment.created.v1", incident)).isEqualTo(4);

        As.hq().contentType(ContentType.JSON).body("{\"agencyId\": \"ministry-of-magic\", \"createdBy\": \"hq-operator-07\"}")
                .post(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("agencyId")).body("detail", containsString("ministry-of-magic"));
        As.hq().contentType(ContentType.JSON).body("{\"createdBy\": \"hq-operator-07\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("agencyId"));
        As.hq().contentType(ContentType.JSON).body("{\"agencyId\": \"health-commission\", \"createdBy\": \"op\"}")
                .post("/api/v1/incidents/inc-nope/assignments").then().statusCode(404).contentType("application/problem+json");
        assertThat(Db.outboxCount("io.liandong.assignment.created.v1", incident)).isEqualTo(4);
        As.hq().get(path).then().body("", hasSize(4));
    }

    @Test
    void anOperatorMovesAnAssignmentForwardsOnlyWithItsCurrentETag() {
        String incident = Api.report();
        String police = Api.assignmentOf(incident, "police");
        String path = "/api/v1/incidents/" + incident + "/assignments/" + police;
        String etag = Api.etag(path);
        String move = "{\"status\": \"%s\", \"changedBy\": \"hq-operator-07\"}";

        As.hq().contentType(ContentType.JSON).body(move.formatted("en-route")).post(path + "/status")
                .then().statusCode(428).contentType("application/problem+json");
        As.hq().contentType(ContentType.JSON).header("If-Match", "\"99\"").body(move.formatted("en-route")).post(path + "/status")
                .then().statusCode(412).contentType("application/problem+json");
        As.hq().contentType(ContentType.JSON).header("If-Match", etag).body(move.formatted("en-route")).post(path + "/status")
                .then().statusCode(200).body("status", equalTo("en-route")).body("acknowledgedAt", notNullValue())
                .header("ETag", not(equalTo(etag)));
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path)).body(move.formatted("acknowledged"))
                .post(path + "/status").then().statusCode(409).contentType("application/problem+json");
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path)).body(move.formatted("arrived"))
                .post(path + "/status").then().statusCode(400);
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path)).body(move.formatted("on-scene"))
                .post(path + "/status").then().statusCode(200);
        assertThat(Db.events("io.liandong.assignment.status-changed.v1", police)).hasSize(2);
        // The first agency on scene puts the incident on scene.
        As.hq().get("/api/v1/incidents/" + incident).then().body("status", equalTo("on-scene"));
        As.hq().get("/api/v1/incidents/" + incident + "/assignments/asg-nope").then().statusCode(404);
    }

    @Test
    void departmentServiceEventsMoveTheAssignmentAndTheIncident() {
        String incident = Api.report();
        String community = Api.assignmentOf(incident, "community-committee");
        Instant t0 = clock.instant();
        send(incident, new AssignmentAcknowledged(community, incident, "community-binjiang-xixing", "duty-officer-3",
                t0.plusSeconds(60)));
        send(incident, new AssignmentEnRoute(community, incident, "community-binjiang-xixing", "duty-officer-3",
                t0.plusSeconds(120), t0.plusSeconds(600)));
        send(incident, new AssignmentOnScene(community, incident, "community-binjiang-xixing", "duty-officer-3",
                t0.plusSeconds(540), 6));
        // A late duplicate acknowledgement changes nothing.
        send(incident, new AssignmentAcknowledged(community, incident, "community-binjiang-xixing", "duty-officer-3",
                t0.plusSeconds(700)));
        send(incident, new AssignmentReleased(community, incident, "community-binjiang-xixing", "duty-officer-3",
                t0.plusSeconds(3600), "crowd dispersed"));

        String path = "/api/v1/incidents/" + incident + "/assignments/" + community;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.hq().get(path).then().statusCode(200)
                .body("status", equalTo("released")));
        As.hq().get(path).then().body("timeToAcknowledge", equalTo("PT1M")).body("timeToScene", equalTo("PT9M"));
        As.hq().get("/api/v1/incidents/" + incident).then().body("status", equalTo("on-scene"));
        As.hq().get("/api/v1/incidents/" + incident + "/performance").then().statusCode(200)
                .body("responses.find { it.agencyRole == 'community-committee' }.timeToScene", equalTo("PT9M"))
                .body("responses.find { it.agencyRole == 'community-committee' }.onSceneLimit", equalTo("PT20M"));
        As.hq().get("/api/v1/incidents/" + incident + "/timeline").then()
                .body("events.type", hasItem("io.liandong.assignment.released.v1"));
        assertThat(Db.count("SELECT count(*) FROM platform_deadline WHERE subject = ? AND fired_at IS NULL AND cancelled_at IS NULL",
                community)).isZero();
    }

    private static void send(String incident, EventPayload payload) {
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(), payload, null, null);
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(event.topic(), incident, event));
        }
    }
}
