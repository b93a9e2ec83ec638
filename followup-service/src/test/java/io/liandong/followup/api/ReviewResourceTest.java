package io.liandong.followup.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.liandong.contracts.EventType;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.followup.support.Db;
import io.liandong.followup.support.Resolutions;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * The after-action review from events consumed on Kafka: the golden samples of the Binjiang
 * incident (police acknowledges after 27 s and arrives after 4 min 14 s; the community breaches its
 * on-scene limit; one mediation session), then the incident closed.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ReviewResourceTest {

    @Inject
    MovableClock clock;

    @Test
    void aClosedIncidentsReviewShowsEachAgencyAgainstItsLimitsTheBreachesAndTheCommitments() {
        String incident = "inc-" + UUID.randomUUID();
        Resolutions.sendSample(EventType.ASSIGNMENT_CREATED, incident, d -> { });
        Resolutions.sendSample(EventType.ASSIGNMENT_CREATED, incident, d -> d.put("assignmentId", "asg-2026-0107-03")
                .put("agencyId", "community-binhe").put("agencyRole", "community"));
        Resolutions.sendSample(EventType.ASSIGNMENT_ACKNOWLEDGED, incident, d -> { });
        Resolutions.sendSample(EventType.ASSIGNMENT_ON_SCENE, incident, d -> { });
        Resolutions.sendSample(EventType.ASSIGNMENT_DEADLINE_BREACHED, incident, d -> { });
        Resolutions.sendSample(EventType.MEDIATION_SESSION_HELD, incident, d -> { });
        Resolutions.agreed(incident, "commerce-bureau", clock.instant());
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM incident_event WHERE incident_id = ? AND ce_type NOT LIKE 'io.liandong.followup.%' AND ce_type NOT LIKE 'io.liandong.review.%'", incident) == 7);

        As.hq().get("/api/v1/incidents/" + incident + "/review").then().statusCode(409).contentType("application/problem+json");

        Resolutions.sendSample(EventType.INCIDENT_STATUS_CHANGED, incident, d -> d.put("from", "resolved").put("to", "closed"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM incident_event WHERE incident_id = ? AND ce_type NOT LIKE 'io.liandong.followup.%' AND ce_type NOT LIKE 'io.liandong.review.%'", incident) == 8);

        As.hq().get("/api/v1/incidents/" + incident + "/review").then().statusCode(200)
                .body("incidentId", equalTo(incident))
                .body("breachCount", equalTo(1)).body("mediationRounds", equalTo(1))
                .body("agencies.agencyId", contains("police-binjiang-branch", "community-binhe"))
                .body("agencies[0].acknowledgedAfterSeconds", equalTo(27))
                .body("agencies[0].acknowledgeLimitSeconds", equalTo(120))
                .body("agencies[0].onSceneAfterSeconds", equalTo(254))
                .body("agencies[0].onSceneLimitSeconds", equalTo(300))
                .body("agencies[1].onSceneAfterSeconds", nullValue())
                .body("agencies[1].breaches", contains("on-scene"))
                .body("commitments", hasSize(4)).body("commitments[0].status", equalTo("pending"))
                .body("goldenPeriod.policeArrivedAt", equalTo("2026-03-14T05:47:38Z"))
                .body("goldenPeriod.compliance", equalTo("not-recorded"))
                .body("handoffs", hasSize(0)).body("grievanceLead.linkedGrievances", equalTo(0))
                .body("correctiveActionCount", equalTo(1))
                .body("correctiveActions[0].responsibleAgencyId", equalTo("community-binhe"))
                .body("correctiveActions[0].status", equalTo("pending"));

        As.hq().accept("text/html").get("/api/v1/incidents/" + incident + "/review").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("After-action review: incident " + incident))
                .body(containsString("<td>police-binjiang-branch</td><td>police</td><td>27</td><td>120</td><td>254</td><td>300</td>"))
                .body(containsString("<h2>Corrective actions</h2>")).body(containsString("Golden period not-recorded"));

        // published once on closing, whatever redeliveries follow
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "SELECT count(*) FROM outbox_event WHERE ce_type = 'io.liandong.review.published.v1' AND incident_id = ?", incident) == 1);
        Resolutions.sendSample(EventType.INCIDENT_STATUS_CHANGED, incident, d -> d.put("from", "resolved").put("to", "closed"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM incident_event WHERE incident_id = ? AND ce_type NOT LIKE 'io.liandong.followup.%' "
                        + "AND ce_type NOT LIKE 'io.liandong.review.%'", incident) == 9);
        org.assertj.core.api.Assertions.assertThat(Db.strings(
                "SELECT payload FROM outbox_event WHERE ce_type = 'io.liandong.review.published.v1' AND incident_id = ?", incident))
                .hasSize(1).first().asString().contains("\"breachCount\":1", "\"correctiveActionCount\":1", "police-binjiang-branch");
    }

    @Test
    void aCorrectiveActionIsCarriedOutByTheResponsibleAgencyAndVerifiedByTheHq() {
        String incident = "inc-" + UUID.randomUUID();
        Resolutions.sendSample(EventType.ASSIGNMENT_CREATED, incident, d -> d.put("assignmentId", "asg-2026-0107-03")
                .put("agencyId", "community-binhe").put("agencyRole", "community-committee"));
        Resolutions.sendSample(EventType.ASSIGNMENT_DEADLINE_BREACHED, incident, d -> { });
        Resolutions.sendSample(EventType.INCIDENT_STATUS_CHANGED, incident, d -> d.put("from", "resolved").put("to", "closed"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM followup_item i JOIN followup_plan p ON p.id = i.plan_id WHERE p.incident_id = ? "
                        + "AND p.source = 'review'", incident) == 1);
        String item = As.hq().get("/api/v1/incidents/" + incident + "/review").then().statusCode(200)
                .body("correctiveActionCount", equalTo(1))
                .body("correctiveActions[0].responsibleAgencyId", equalTo("community-binhe"))
                .body("correctiveActions[0].verifierAgencyId", equalTo("city-command-hq"))
                .body("commitments", hasSize(0))
                .extract().path("correctiveActions[0].itemId");
        As.hq().get("/api/v1/incidents/" + incident + "/followup-plans").then().statusCode(200)
                .body("[0].source", equalTo("review")).body("[0].items[0].issue", containsString("breached its on-scene deadline"));
        long events = Db.eventCount(item);

        // another agency's action is not there for it; nothing to verify before it is done
        As.agency("police-binjiang-branch").header("If-Match", "\"0\"")
                .post("/api/v1/followup-items/" + item + "/start").then().statusCode(404).contentType("application/problem+json");
        As.agency("city-command-hq").header("If-Match", "\"0\"").contentType("application/json")
                .body(java.util.Map.of("beneficiaryId", "city-command-hq")).post("/api/v1/followup-items/" + item + "/verify")
                .then().statusCode(409).contentType("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(Db.eventCount(item)).isEqualTo(events);

        As.agency("community-binhe").header("If-Match", "\"0\"")
                .post("/api/v1/followup-items/" + item + "/start").then().statusCode(200);
        As.agency("community-binhe").header("If-Match", "\"1\"").contentType("application/json")
                .body(java.util.Map.of("note", "second duty officer on call", "evidenceUrls", java.util.List.of("https://files.example.org/roster.pdf")))
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(200);
        events = Db.eventCount(item);
        As.agency("community-binhe").header("If-Match", "\"2\"").contentType("application/json")
                .body(java.util.Map.of("beneficiaryId", "city-command-hq")).post("/api/v1/followup-items/" + item + "/verify")
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("agency"));
        org.assertj.core.api.Assertions.assertThat(Db.eventCount(item)).isEqualTo(events);
        As.agency("city-command-hq").header("If-Match", "\"2\"").contentType("application/json")
                .body(java.util.Map.of("beneficiaryId", "city-command-hq", "note", "roster checked"))
                .post("/api/v1/followup-items/" + item + "/verify").then().statusCode(200).body("status", equalTo("verified"));
        As.hq().get("/api/v1/incidents/" + incident + "/review").then().statusCode(200)
                .body("correctiveActions[0].status", equalTo("verified"));
    }

    @Test
    void anIncidentNeverSeenIs404() {
        As.hq().get("/api/v1/incidents/unknown-" + UUID.randomUUID() + "/review").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
