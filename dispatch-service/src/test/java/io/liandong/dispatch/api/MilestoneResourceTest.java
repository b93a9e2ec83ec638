package io.liandong.dispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.dispatch.support.Api;
import io.liandong.dispatch.support.Db;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class MilestoneResourceTest {

    static final String MILESTONE = "{\"milestone\": \"%s\", \"agencyId\": \"%s\", \"recordedBy\": \"officer-0231\", \"note\": \"管理处门前\"}";

    @Inject
    MovableClock clock;

    @Test
    void milestonesAreRecordedOnceWithTimeAndWhoAndTheGoldenPeriodIsMeasured() {
        String incident = Api.report();
        String police = Api.assignmentOf(incident, "police");
        String assignment = "/api/v1/incidents/" + incident + "/assignments/" + police;
        clock.advance(Duration.ofMinutes(4));
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(assignment))
                .body("{\"status\": \"on-scene\", \"changedBy\": \"hq-operator-07\"}").post(assignment + "/status")
                .then().statusCode(200);
        As.hq().get("/api/v1/incidents/" + incident + "/performance").then()
                .body("goldenPeriod.compliance", equalTo("pending"));

        String path = "/api/v1/incidents/" + incident + "/milestones";
        clock.advance(Duration.ofMinutes(3));
        As.hq().contentType(ContentType.JSON).body(MILESTONE.formatted("cordon-set", "police-binjiang-branch")).post(path)
                .then().statusCode(201).body("onSiteGroup", equalTo("order-maintenance"))
                .body("recordedBy", equalTo("officer-0231")).body("recordedAt", org.hamcrest.Matchers.notNullValue());
        As.hq().contentType(ContentType.JSON).body(MILESTONE.formatted("onlookers-dispersed", "community-binjiang-xixing"))
                .post(path).then().statusCode(201).body("onSiteGroup", equalTo("crowd-guidance"));
        clock.advance(Duration.ofMinutes(5));
        As.hq().contentType(ContentType.JSON).body(MILESTONE.formatted("scene-under-control", "police-binjiang-branch")).post(path)
                .then().statusCode(201);

        As.hq().get(path).then().statusCode(200)
                .body("items.find { it.code == 'cordon-set' }.done", equalTo(true))
                .body("items.find { it.code == 'medical-post-up' }.done", equalTo(false))
                .body("milestones.code", hasItem("scene-under-control"));
        As.hq().get("/api/v1/incidents/" + incident).then().body("status", equalTo("under-control"));
        As.hq().get("/api/v1/incidents/" + incident + "/performance").then().statusCode(200)
                .body("goldenPeriod.elapsed", equalTo("PT8M"))
                .body("goldenPeriod.target", equalTo("PT10M"))
                .body("goldenPeriod.compliance", equalTo("met"))
                .body("responses.find { it.agencyRole == 'police' }.timeToScene", equalTo("PT4M"));
        assertThat(Db.outboxCount("io.liandong.milestone.recorded.v1", incident)).isEqualTo(3);
    }

    @Test
    void unknownMilestonesAgenciesAndRepeatsAreRefusedAndChangeNothing() {
        String incident = Api.report();
        String path = "/api/v1/incidents/" + incident + "/milestones";
        As.hq().contentType(ContentType.JSON).body(MILESTONE.formatted("cordon-set", "police-binjiang-branch")).post(path)
                .then().statusCode(201);
        As.hq().contentType(ContentType.JSON).body(MILESTONE.formatted("cordon-set", "police-binjiang-branch")).post(path)
                .then().statusCode(409).contentType("application/problem+json");
        As.hq().contentType(ContentType.JSON).body(MILESTONE.formatted("party-started", "police-binjiang-branch")).post(path)
                .then().statusCode(422).body("errors[0].field", equalTo("milestone"));
        As.hq().contentType(ContentType.JSON).body(MILESTONE.formatted("core-parties-isolated", "ministry-of-magic")).post(path)
                .then().statusCode(422).body("errors[0].field", equalTo("agencyId"));
        As.hq().contentType(ContentType.JSON).body("{\"agencyId\": \"police-binjiang-branch\"}").post(path)
                .then().statusCode(400).body("errors.field", hasItem("milestone")).body("errors.field", hasItem("recordedBy"));
        As.hq().contentType(ContentType.JSON).body(MILESTONE.formatted("cordon-set", "police-binjiang-branch"))
                .post("/api/v1/incidents/inc-nope/milestones").then().statusCode(404);
        assertThat(Db.outboxCount("io.liandong.milestone.recorded.v1", incident)).isEqualTo(1);
    }
}
