package io.liandong.followup.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.followup.support.Db;
import io.liandong.followup.support.Resolutions;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * Every follow-up endpoint and its bad inputs, against a real broker and database. The items come
 * from a resolution.agreed sent on Kafka: four commitments, all the responsibility of one agency,
 * made to the party {@code binjiang-merchants} (the fourth also to {@code binjiang-management-co}).
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class FollowupResourceTest {

    static final String UPDATED = "io.liandong.followup.item-updated.v1";
    static final String VERIFIED = "io.liandong.followup.item-verified.v1";
    static final String REOPENED = "io.liandong.followup.item-reopened.v1";
    static final String VERIFICATION_REQUESTED = "io.liandong.followup.verification-requested.v1";
    static final Map<String, Object> DONE = Map.of("note", "Lease addenda signed by all merchants",
            "evidenceUrls", List.of("https://files.example.org/addenda.pdf"));

    @Inject
    MovableClock clock;

    String agency = "bureau-" + UUID.randomUUID().toString().substring(0, 8);
    String incident = "inc-" + UUID.randomUUID();

    @Test
    void plansByIncidentListEachItemWithItsCommitment() {
        Resolutions.agreed(incident, agency, clock.instant());
        As.hq().get("/api/v1/incidents/" + incident + "/followup-plans").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].source", equalTo("agreement")).body("[0].items", hasSize(4))
                .body("[0].items[0].status", equalTo("pending")).body("[0].items[0].responsibleAgencyId", equalTo(agency))
                .body("[0].items[0].owner.kind", equalTo("party")).body("[0].items[0].beneficiaries", contains("binjiang-merchants"))
                .body("[0].items[0].linkedGrievanceIds", hasSize(5)).body("[0].items[3].owner.id", equalTo(agency));
        As.hq().get("/api/v1/incidents/unknown-" + UUID.randomUUID() + "/followup-plans").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void theOwnerStartsAndFinishesWithEvidenceAndABeneficiaryVerifies() {
        String item = Resolutions.agreed(incident, agency, clock.instant()).get(0);
        String etag = As.hq().get("/api/v1/followup-items/" + item).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("status", equalTo("pending")).extract().header("ETag");

        etag = As.agency(agency).header("If-Match", etag).post("/api/v1/followup-items/" + item + "/start")
                .then().statusCode(200).body("status", equalTo("in-progress")).extract().header("ETag");
        etag = As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON).body(DONE)
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(200)
                .body("status", equalTo("done")).body("evidenceUrls", contains("https://files.example.org/addenda.pdf"))
                .extract().header("ETag");
        As.hq().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("beneficiaryId", "binjiang-merchants", "note", "confirmed at the merchants' meeting"))
                .post("/api/v1/followup-items/" + item + "/verify").then().statusCode(200).body("status", equalTo("verified"));

        assertThat(Db.events(UPDATED, item)).hasSize(3);
        assertThat(Db.events(UPDATED, item).get(1)).contains("\"from\":\"in-progress\"", "\"to\":\"done\"", "addenda.pdf");
        assertThat(Db.events(VERIFICATION_REQUESTED, item)).hasSize(1).first().asString().contains("grv-2026-000418");
        assertThat(Db.events(VERIFIED, item)).hasSize(1).first().asString().contains("\"verifiedBy\":\"binjiang-merchants\"");
        assertThat(Db.count("SELECT count(*) FROM platform_deadline WHERE subject = ? AND fired_at IS NULL AND cancelled_at IS NULL",
                item)).isZero();
    }

    @Test
    void aDisputeReopensTheItemAndTheOwnerStartsAgain() {
        String item = Resolutions.agreed(incident, agency, clock.instant()).get(0);
        String etag = toDone(item);
        etag = As.hq().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("beneficiaryId", "binjiang-merchants", "reason", "stage two rent raised early",
                        "grievanceId", "grv-2026-000418"))
                .post("/api/v1/followup-items/" + item + "/dispute").then().statusCode(200).body("status", equalTo("reopened"))
                .extract().header("ETag");
        assertThat(Db.events(REOPENED, item)).hasSize(1).first().asString().contains("grv-2026-000418", "stage two");
        assertThat(Db.count("SELECT count(*) FROM platform_deadline WHERE subject = ? AND name LIKE 'overdue#%' AND cancelled_at IS NULL",
                item)).isEqualTo(1);
        As.agency(agency).header("If-Match", etag).post("/api/v1/followup-items/" + item + "/start")
                .then().statusCode(200).body("status", equalTo("in-progress"));
    }

    @Test
    void itemsByOwnerAgencyArePagedSoonestDueFirstAndOnlyForThatAgency() {
        List<String> items = Resolutions.agreed(incident, agency, clock.instant());
        String next = As.agency(agency).queryParam("limit", 3).get("/api/v1/agencies/" + agency + "/followup-items")
                .then().statusCode(200).body("items.id", contains(items.get(0), items.get(1), items.get(2)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        As.agency(agency).queryParam("limit", 3).queryParam("cursor", next)
                .get("/api/v1/agencies/" + agency + "/followup-items")
                .then().statusCode(200).body("items.id", contains(items.get(3))).body("nextCursor", nullValue());

        As.agency("someone-else").get("/api/v1/agencies/" + agency + "/followup-items").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/agencies/" + agency + "/followup-items").then().statusCode(401)
                .contentType("application/problem+json");
        As.agency(agency).queryParam("cursor", "not-a-cursor").get("/api/v1/agencies/" + agency + "/followup-items")
                .then().statusCode(422).body("errors.field", hasItem("cursor"));
        As.agency(agency).queryParam("limit", 0).get("/api/v1/agencies/" + agency + "/followup-items")
                .then().statusCode(422).body("errors.field", hasItem("limit"));
    }

    @Test
    void badChangesAreProblemsAndChangeNothing() {
        List<String> items = Resolutions.agreed(incident, agency, clock.instant());
        String item = items.get(0);
        long events = Db.eventCount(item);

        // unknown item; another agency's item (as if it did not exist); no agency named
        As.agency(agency).header("If-Match", "\"0\"").post("/api/v1/followup-items/nope/start").then()
                .statusCode(404).contentType("application/problem+json");
        As.hq().get("/api/v1/followup-items/nope").then().statusCode(404).contentType("application/problem+json");
        As.agency("other-agency").header("If-Match", "\"0\"").contentType(ContentType.JSON).body(DONE)
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(404).contentType("application/problem+json");
        given().header("If-Match", "\"0\"").post("/api/v1/followup-items/" + item + "/start").then().statusCode(401);
        // If-Match missing or stale
        As.agency(agency).post("/api/v1/followup-items/" + item + "/start").then().statusCode(428)
                .contentType("application/problem+json");
        As.agency(agency).header("If-Match", "\"7\"").post("/api/v1/followup-items/" + item + "/start").then()
                .statusCode(412).contentType("application/problem+json");
        // out of order: done before start, verify and dispute before done
        As.agency(agency).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(DONE)
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(409).contentType("application/problem+json");
        As.hq().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("beneficiaryId", "binjiang-merchants"))
                .post("/api/v1/followup-items/" + item + "/verify").then().statusCode(409);
        As.hq().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("beneficiaryId", "binjiang-merchants", "reason", "x"))
                .post("/api/v1/followup-items/" + item + "/dispute").then().statusCode(409);
        assertUnchanged(item, "pending", 0, events);

        String etag = As.agency(agency).header("If-Match", "\"0\"").post("/api/v1/followup-items/" + item + "/start")
                .then().statusCode(200).extract().header("ETag");
        events = Db.eventCount(item);
        // bodies: missing, no note, no evidence, a URL that is not one, unknown field, malformed JSON
        As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON)
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(400).contentType("application/problem+json");
        As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("note", " ", "evidenceUrls", List.of()))
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(400)
                .body("errors.field", hasItem("note")).body("errors.field", hasItem("evidenceUrls"));
        As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("note", "done", "evidenceUrls", List.of("https://ok.example.org/a.pdf", "file:///etc/passwd")))
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(422)
                .body("errors.field", hasItem("evidenceUrls[1]"));
        As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("note", "done", "evidenceUrls", List.of("https://ok.example.org/a.pdf"), "extra", 1))
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(400);
        As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON).body("{\"note\":")
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(400).contentType("application/problem+json");
        assertUnchanged(item, "in-progress", 1, events);

        etag = As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON).body(DONE)
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(200).extract().header("ETag");
        events = Db.eventCount(item);
        // a verification or dispute by someone the commitment was not made to; a grievance it does not answer
        As.hq().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("beneficiaryId", "a-passer-by"))
                .post("/api/v1/followup-items/" + item + "/verify").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("beneficiaryId"));
        As.hq().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("beneficiaryId", "a-passer-by", "reason", "not done"))
                .post("/api/v1/followup-items/" + item + "/dispute").then().statusCode(422).body("errors.field", hasItem("beneficiaryId"));
        As.hq().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("beneficiaryId", "binjiang-merchants", "reason", "not done", "grievanceId", "grv-unrelated"))
                .post("/api/v1/followup-items/" + item + "/dispute").then().statusCode(422).body("errors.field", hasItem("grievanceId"));
        As.hq().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("note", "no one"))
                .post("/api/v1/followup-items/" + item + "/verify").then().statusCode(400).body("errors.field", hasItem("beneficiaryId"));
        As.hq().contentType(ContentType.JSON).body(Map.of("beneficiaryId", "binjiang-merchants"))
                .post("/api/v1/followup-items/" + item + "/verify").then().statusCode(428);
        assertUnchanged(item, "done", 2, events);
    }

    @Test
    void aRetriedMoveWithTheSameIdempotencyKeyReplaysTheFirstAnswerAndChangesNothing() {
        String item = Resolutions.agreed(incident, agency, clock.instant()).get(0);
        String key = "start-" + UUID.randomUUID();
        As.agency(agency).header("If-Match", "\"0\"").header("Idempotency-Key", key)
                .post("/api/v1/followup-items/" + item + "/start").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).header("Idempotent-Replayed", nullValue()).body("status", equalTo("in-progress"));
        long events = Db.eventCount(item);
        // the answer was lost; the client retries the same request with the same key
        As.agency(agency).header("If-Match", "\"0\"").header("Idempotency-Key", key)
                .post("/api/v1/followup-items/" + item + "/start").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).header("Idempotent-Replayed", equalTo("true")).body("status", equalTo("in-progress"));
        assertUnchanged(item, "in-progress", 1, events);
        // the same key for another request, and a key that is not one: 422, nothing done
        As.agency(agency).header("If-Match", "\"1\"").header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(DONE).post("/api/v1/followup-items/" + item + "/done").then().statusCode(200);   // another move: its own scope
        events = Db.eventCount(item);
        As.agency(agency).header("If-Match", "\"2\"").header("Idempotency-Key", key)
                .post("/api/v1/followup-items/" + item + "/start").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:liandong:problem:idempotency-key-reused"));
        As.hq().header("If-Match", "\"2\"").header("Idempotency-Key", "has a space").contentType(ContentType.JSON)
                .body(Map.of("beneficiaryId", "binjiang-merchants")).post("/api/v1/followup-items/" + item + "/verify").then()
                .statusCode(422).body("errors.field", hasItem("Idempotency-Key"));
        assertUnchanged(item, "done", 2, events);

        String verifyKey = "verify-" + UUID.randomUUID();
        for (String replayed : new String[] {null, "true"}) {
            As.hq().header("If-Match", "\"2\"").header("Idempotency-Key", verifyKey).contentType(ContentType.JSON)
                    .body(Map.of("beneficiaryId", "binjiang-merchants")).post("/api/v1/followup-items/" + item + "/verify").then()
                    .statusCode(200).body("status", equalTo("verified")).header("Idempotent-Replayed", equalTo(replayed));
        }
        assertThat(Db.events(VERIFIED, item)).hasSize(1);
    }

    @Test
    void theBoardsLatenessCountsItemsFinishedLateAsWellAsThoseStillOverdue() {
        String item = Resolutions.agreed(incident, agency, clock.instant()).get(0);
        String etag = As.agency(agency).header("If-Match", "\"0\"").post("/api/v1/followup-items/" + item + "/start")
                .then().statusCode(200).extract().header("ETag");
        java.time.Instant due = java.time.Instant.parse(As.hq().get("/api/v1/followup-items/" + item).then().extract().path("dueAt"));
        clock.advance(java.time.Duration.between(clock.instant(), due).plusHours(36));      // finished 36 h late
        As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON).body(DONE)
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(200)
                .body("doneAt", equalTo(clock.instant().toString()));

        // the board's figure is the mean over all late items of this database: computed here independently
        java.time.Instant now = clock.instant();
        List<Double> late = new java.util.ArrayList<>();
        for (String row : Db.strings("SELECT status || ' ' || overdue || ' ' || due_at AT TIME ZONE 'UTC' || ' ' "
                + "|| coalesce((done_at AT TIME ZONE 'UTC')::text, '-') FROM followup_item")) {
            String[] f = row.split(" ");
            java.time.Instant dueAt = java.time.LocalDateTime.parse(f[2] + "T" + f[3]).toInstant(java.time.ZoneOffset.UTC);
            boolean finished = f[0].equals("done") || f[0].equals("verified");
            if (!finished && f[1].equals("true")) {
                late.add((double) java.time.Duration.between(dueAt, now).toMillis() / 1000);
            } else if (finished && !f[4].equals("-")) {
                java.time.Instant doneAt = java.time.LocalDateTime.parse(f[4] + "T" + f[5]).toInstant(java.time.ZoneOffset.UTC);
                if (doneAt.isAfter(dueAt)) {
                    late.add((double) java.time.Duration.between(dueAt, doneAt).toMillis() / 1000);
                }
            }
        }
        assertThat(Db.count("SELECT count(*) FROM followup_item WHERE id = ? AND done_at - due_at = interval '36 hours'", item))
                .isEqualTo(1);
        long expected = Math.round(late.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        Number board = As.hq().get("/api/v1/followup-board").then().statusCode(200).extract().path("averageLatenessSeconds");
        assertThat(board.longValue()).isBetween(expected - 1, expected + 1);
    }

    private String toDone(String item) {
        String etag = As.agency(agency).header("If-Match", "*").post("/api/v1/followup-items/" + item + "/start")
                .then().statusCode(200).extract().header("ETag");
        return As.agency(agency).header("If-Match", etag).contentType(ContentType.JSON).body(DONE)
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(200).extract().header("ETag");
    }

    private static void assertUnchanged(String item, String status, int version, long events) {
        ValidatableResponse r = As.hq().get("/api/v1/followup-items/" + item).then().statusCode(200);
        r.body("status", equalTo(status)).header("ETag", equalTo("\"" + version + "\""));
        assertThat(Db.eventCount(item)).isEqualTo(events);
    }
}
