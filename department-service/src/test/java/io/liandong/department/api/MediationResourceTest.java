package io.liandong.department.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.EventJson;
import io.liandong.department.support.Binjiang;
import io.liandong.department.support.Db;
import io.liandong.devstack.DevstackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class MediationResourceTest {

    static final String BUREAU = "commerce-bureau";
    static final String PARTIES = """
            [{"partyId": "binjiang-merchants", "name": "滨江商圈商户", "side": "claimant"},
             {"partyId": "binjiang-management-co", "name": "滨江商圈物业管理公司", "side": "respondent"}]""";

    static RequestSpecification as(String agency) {
        return As.agency(agency).contentType(ContentType.JSON);
    }

    static String open(String parties) {
        String body = "{\"incidentId\": \"inc-" + UUID.randomUUID() + "\", \"openedBy\": \"liu-ming\""
                + (parties == null ? "" : ", \"parties\": " + parties) + "}";
        return as(BUREAU).body(body).post("/api/v1/mediations").then().statusCode(201)
                .header("Location", containsString("/api/v1/mediations/med-")).header("ETag", notNullValue())
                .extract().path("id");
    }

    static String etag(String mediation) {
        return as(BUREAU).get("/api/v1/mediations/" + mediation).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void sessionsProposalsAndAnswersAreRecordedAndPublished() {
        String m = open(PARTIES);
        String path = "/api/v1/mediations/" + m;
        as(BUREAU).body(Binjiang.SESSION).post(path + "/sessions").then().statusCode(201)
                .body("sessionNumber", equalTo(1)).body("demands", hasSize(3));
        String first = as(BUREAU).body(Binjiang.PROPOSAL).post(path + "/proposals").then().statusCode(201)
                .body("status", equalTo("open")).extract().path("id");
        as(BUREAU).body(Binjiang.COUNTER).post(path + "/proposals/" + first + "/answers").then().statusCode(200)
                .body("status", equalTo("countered")).body("answers[0].counterTerms", hasSize(2));

        String before = Db.snapshot();
        as(BUREAU).body("{\"partyId\": \"binjiang-management-co\", \"answer\": \"accept\"}")
                .post(path + "/proposals/" + first + "/answers").then().statusCode(409).contentType("application/problem+json");
        String second = as(BUREAU).body(Binjiang.FINAL_PROPOSAL).post(path + "/proposals").then().statusCode(201).extract().path("id");
        before = Db.snapshot();
        as(BUREAU).body("{\"partyId\": \"binjiang-merchants\", \"answer\": \"counter\"}")
                .post(path + "/proposals/" + second + "/answers").then().statusCode(422).body("errors[0].field", equalTo("counterTerms"));
        as(BUREAU).body("{\"partyId\": \"landlord\", \"answer\": \"accept\"}")
                .post(path + "/proposals/" + second + "/answers").then().statusCode(422).body("errors[0].field", equalTo("partyId"));
        as(BUREAU).body("{\"partyId\": \"binjiang-merchants\", \"answer\": \"maybe\"}")
                .post(path + "/proposals/" + second + "/answers").then().statusCode(400);
        as(BUREAU).body("{\"partyId\": \"binjiang-merchants\", \"answer\": \"accept\"}")
                .post(path + "/proposals/prp-nope/answers").then().statusCode(404);
        as(BUREAU).body("{\"proposedBy\": \"someone\", \"terms\": [\"x\"]}").post(path + "/proposals").then().statusCode(422)
                .body("errors[0].field", equalTo("proposedBy"));
        as(BUREAU).body("{\"location\": \"x\", \"representatives\": [{\"partyId\": \"nobody\", \"name\": \"n\", \"role\": \"r\"}]}")
                .post(path + "/sessions").then().statusCode(422).body("errors[0].field", equalTo("representatives[0].partyId"));
        as(BUREAU).body("{\"location\": \"x\"}").post(path + "/sessions").then().statusCode(400)
                .body("errors.field", hasItem("representatives"));
        as("labour-bureau").body(Binjiang.SESSION).post(path + "/sessions").then().statusCode(404);
        assertThat(Db.snapshot()).isEqualTo(before);

        as(BUREAU).body("{\"partyId\": \"binjiang-merchants\", \"answer\": \"accept\"}")
                .post(path + "/proposals/" + second + "/answers").then().statusCode(200).body("status", equalTo("open"));
        as(BUREAU).body("{\"partyId\": \"binjiang-management-co\", \"answer\": \"accept\"}")
                .post(path + "/proposals/" + second + "/answers").then().statusCode(200).body("status", equalTo("accepted"));
        as(BUREAU).get(path).then().body("sessions", hasSize(1)).body("proposals.status", hasItems("countered", "accepted"));
        assertThat(Db.events("io.liandong.mediation.session-held.v1", m)).hasSize(1);
        assertThat(Db.events("io.liandong.mediation.proposal-made.v1", m)).hasSize(2);
        assertThat(Db.events("io.liandong.mediation.proposal-answered.v1", m)).hasSize(3);
    }

    @Test
    void aBadAgreementIsRefusedNamingTheFieldAndChangesNothing() {
        String m = open(PARTIES);
        String path = "/api/v1/mediations/" + m + "/agreement";
        String before = Db.snapshot();

        as(BUREAU).body(Binjiang.AGREEMENT).post(path).then().statusCode(428).contentType("application/problem+json");
        as(BUREAU).header("If-Match", "\"42\"").body(Binjiang.AGREEMENT).post(path).then().statusCode(412);
        as(BUREAU).header("If-Match", etag(m)).body(edit(a -> a.putArray("parties"))).post(path).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("parties"));
        as(BUREAU).header("If-Match", etag(m)).body(edit(a -> commitment(a).remove("owner"))).post(path).then().statusCode(400)
                .body("errors.field", hasItem("commitments[0].owner"));
        as(BUREAU).header("If-Match", etag(m)).body(edit(a -> commitment(a).remove("dueAt"))).post(path).then().statusCode(400)
                .body("errors.field", hasItem("commitments[0].dueAt"));
        as(BUREAU).header("If-Match", etag(m)).body(edit(a -> ((ObjectNode) commitment(a).get("owner")).put("id", "landlord")))
                .post(path).then().statusCode(422).body("errors.field", hasItem("commitments[0].owner.id"));
        as(BUREAU).header("If-Match", etag(m)).body(edit(a -> ((ArrayNode) a.get("signatories")).remove(1))).post(path)
                .then().statusCode(422).body("errors.field", hasItem("signatories"));
        as(BUREAU).header("If-Match", etag(m)).body(edit(a -> a.remove("commitments"))).post(path).then().statusCode(400)
                .body("errors.field", hasItem("commitments"));
        as("labour-bureau").header("If-Match", etag(m)).body(Binjiang.AGREEMENT).post(path).then().statusCode(404);
        assertThat(Db.snapshot()).isEqualTo(before);
        as(BUREAU).get("/api/v1/mediations/" + m).then().body("status", equalTo("open"));

        // A mediation opened without parties (none known for the incident) cannot be agreed as is.
        String none = open(null);
        as(BUREAU).get("/api/v1/mediations/" + none).then().body("parties", hasSize(0));
        as(BUREAU).header("If-Match", etag(none)).body(Binjiang.AGREEMENT).post("/api/v1/mediations/" + none + "/agreement")
                .then().statusCode(422).body("errors.field", hasItem("parties"));
    }

    @Test
    void aFailedNegotiationIsRecordedAndPublishedAndEndsTheMediation() {
        String m = open(PARTIES);
        String path = "/api/v1/mediations/" + m;
        as(BUREAU).body(Binjiang.SESSION).post(path + "/sessions").then().statusCode(201);
        as(BUREAU).header("If-Match", etag(m)).body("{}").post(path + "/failure").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(BUREAU).header("If-Match", etag(m))
                .body("{\"reason\": \"管理公司坚持一次性上调租金，商户代表离场 (management insisted; merchants walked out)\"}")
                .post(path + "/failure").then().statusCode(200).body("status", equalTo("failed"))
                .body("mediateAgainWithinDays", equalTo(7)).body("failureReason", containsString("walked out"));
        assertThat(Db.events("io.liandong.resolution.failed.v1", m)).singleElement().asString()
                .contains("\"competentAgencyId\":\"commerce-bureau\"").contains("\"mediateAgainWithinDays\":7");

        String before = Db.snapshot();
        as(BUREAU).body(Binjiang.SESSION).post(path + "/sessions").then().statusCode(409);
        as(BUREAU).header("If-Match", etag(m)).body(Binjiang.AGREEMENT).post(path + "/agreement").then().statusCode(409);
        as(BUREAU).header("If-Match", etag(m)).body("{\"reason\": \"again\"}").post(path + "/failure").then().statusCode(409);
        assertThat(Db.snapshot()).isEqualTo(before);
        as(BUREAU).get(path).then().body("status", equalTo("failed"));
    }

    @Test
    void openingNeedsAKnownCallingAgencyAndDistinctParties() {
        String before = Db.snapshot();
        given().contentType(ContentType.JSON).body("{\"incidentId\": \"inc-1\", \"openedBy\": \"x\"}").post("/api/v1/mediations")
                .then().statusCode(401).contentType("application/problem+json");
        as("ministry-of-magic").body("{\"incidentId\": \"inc-1\", \"openedBy\": \"x\"}").post("/api/v1/mediations")
                .then().statusCode(422);
        as(BUREAU).body("{\"incidentId\": \"inc-1\", \"openedBy\": \"x\", \"parties\": [{\"partyId\": \"a\", \"name\": \"A\", "
                + "\"side\": \"claimant\"}, {\"partyId\": \"a\", \"name\": \"A2\", \"side\": \"respondent\"}]}")
                .post("/api/v1/mediations").then().statusCode(422).body("errors[0].field", equalTo("parties[1].partyId"));
        as(BUREAU).body("{\"openedBy\": \"x\"}").post("/api/v1/mediations").then().statusCode(400)
                .body("errors.field", hasItem("incidentId"));
        as(BUREAU).get("/api/v1/mediations/med-nope").then().statusCode(404).contentType("application/problem+json");
        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @Test
    void aRetriedOpeningSessionOrProposalWithItsIdempotencyKeyAddsNothing() {
        String incident = "inc-" + UUID.randomUUID();
        String body = "{\"incidentId\": \"" + incident + "\", \"openedBy\": \"liu-ming\", \"parties\": " + PARTIES + "}";
        String key = UUID.randomUUID().toString();
        String m = as(BUREAU).header("Idempotency-Key", key).body(body).post("/api/v1/mediations").then().statusCode(201)
                .extract().path("id");
        as(BUREAU).header("Idempotency-Key", key).body(body).post("/api/v1/mediations").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(m));
        as(BUREAU).header("Idempotency-Key", key).body(body.replace("liu-ming", "someone-else")).post("/api/v1/mediations")
                .then().statusCode(422).contentType("application/problem+json");
        as(BUREAU).queryParam("incidentId", incident).get("/api/v1/mediations").then().body("id", hasSize(1));

        String sessionKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(BUREAU).header("Idempotency-Key", sessionKey).body(Binjiang.SESSION).post("/api/v1/mediations/" + m + "/sessions")
                    .then().statusCode(201).body("sessionNumber", equalTo(1));
        }
        String proposalKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(BUREAU).header("Idempotency-Key", proposalKey).body(Binjiang.PROPOSAL).post("/api/v1/mediations/" + m + "/proposals")
                    .then().statusCode(201);
        }
        assertThat(Db.events("io.liandong.mediation.session-held.v1", m)).hasSize(1);
        assertThat(Db.events("io.liandong.mediation.proposal-made.v1", m)).hasSize(1);
    }

    interface Edit {
        void apply(ObjectNode agreement);
    }

    static String edit(Edit edit) {
        ObjectNode agreement = (ObjectNode) EventJson.readTree(Binjiang.AGREEMENT);
        edit.apply(agreement);
        return agreement.toString();
    }

    static ObjectNode commitment(ObjectNode agreement) {
        return (ObjectNode) agreement.get("commitments").get(0);
    }
}
