package io.liandong.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AuditTrailTest {

    static final String OFFICER_SUBJECT = "commerce-bureau-zhang";

    private static String officer() {
        return "Bearer " + Devstack.identity().tokenFor("commerce-bureau", "agency-officer").subject(OFFICER_SUBJECT).sign();
    }

    private static String bearer(String agency) {
        return "Bearer " + Devstack.identity().token(agency, "agency-officer");
    }

    private static String auditor() {
        return "Bearer " + Devstack.identity().token("city-command-hq", "auditor");
    }

    private static long recordsAbout(String target) {
        return Rows.count("SELECT count(*) FROM audit_record WHERE target LIKE ?", "%/" + target + "%");
    }

    @Test
    void aCommittedChangeLeavesExactlyOneRecordNamingWhoWhatAndWhich() {
        String id = "note-" + UUID.randomUUID();
        given().header("Authorization", officer())
                .header("X-Request-Id", "req-" + id).header("Idempotency-Key", "key-" + id)
                .post("/fixture/audited/notes/" + id + "?incident=inc-" + id)
                .then().statusCode(201).header("X-Request-Id", "req-" + id);

        assertThat(recordsAbout(id)).isEqualTo(1);
        given().header("Authorization", auditor()).queryParam("target", id)
                .get("/api/v1/audit")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("POST /fixture/audited/notes/{id}"))
                .body("items[0].target", equalTo("/fixture/audited/notes/" + id))
                .body("items[0].subjects", equalTo(List.of(id)))
                .body("items[0].agency", equalTo("commerce-bureau"))
                .body("items[0].actor", equalTo(OFFICER_SUBJECT))
                .body("items[0].actorKind", equalTo("token"))
                .body("items[0].requestId", equalTo("req-" + id))
                .body("items[0].idempotencyKey", equalTo("key-" + id))
                .body("items[0].occurredAt", notNullValue())
                .body("items[0].hash", notNullValue());
    }

    @Test
    void aRolledBackChangeLeavesNoRecord() {
        String id = "note-" + UUID.randomUUID();
        given().header("Authorization", bearer("commerce-bureau")).post("/fixture/audited/notes/" + id + "/failing")
                .then().statusCode(500);

        assertThat(Rows.count("SELECT count(*) FROM fixture_note WHERE id = ?", id)).isZero();
        assertThat(recordsAbout(id)).isZero();
    }

    @Test
    void aRequestThatChangesNothingLeavesNoRecordAndReadsNeverDo() {
        String id = "note-" + UUID.randomUUID();
        given().post("/fixture/audited/notes/" + id + "/lookup").then().statusCode(200).body(equalTo("0"));
        given().header("Content-Type", "application/json")
                .body("{\"type\":\"commercial-dispute\",\"place\":{\"lat\":30.2,\"lon\":120.2}}")
                .post("/fixture/reports").then().statusCode(200);

        assertThat(recordsAbout(id)).isZero();
    }

    @Test
    void theTokensAgencyNamesTheCallerAndADeleteIsAChangeToo() {
        String id = "note-" + UUID.randomUUID();
        String officer = "Bearer " + Devstack.identity().tokenFor("community-binjiang-xixing", "agency-officer")
                .subject("xixing-officer-wang").sign();
        given().header("Authorization", officer).post("/fixture/audited/notes/" + id).then().statusCode(201);
        given().header("Authorization", officer).delete("/fixture/audited/notes/" + id).then().statusCode(204);

        given().header("Authorization", auditor()).queryParam("target", id).queryParam("agency", "community-binjiang-xixing")
                .get("/api/v1/audit")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("DELETE /fixture/audited/notes/{id}"))
                .body("items[0].actor", equalTo("xixing-officer-wang"))
                .body("items[0].actorKind", equalTo("token"))
                .body("items[0].idempotencyKey", nullValue())
                .body("items[1].action", equalTo("POST /fixture/audited/notes/{id}"));
    }

    @Test
    void anAgencyNamedOnlyInAHeaderIsNotBelieved() {
        String id = "note-" + UUID.randomUUID();
        given().header("X-Liandong-Agency", "commerce-bureau").post("/fixture/audited/notes/" + id).then().statusCode(201);

        given().header("Authorization", auditor()).queryParam("target", id).get("/api/v1/audit")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actor", equalTo("anonymous"))
                .body("items[0].actorKind", equalTo("anonymous"))
                .body("items[0].agency", nullValue());
    }

    @Test
    void recordsComeInPagesNewestFirst() {
        String incident = "inc-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = incident + "-n" + i;
            ids.add(id);
            given().header("Authorization", bearer("paging-agency-" + incident)).post("/fixture/audited/notes/" + id)
                    .then().statusCode(201);
        }
        Response first = given().header("Authorization", auditor()).queryParam("agency", "paging-agency-" + incident)
                .queryParam("limit", 2).get("/api/v1/audit");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .body("items[0].subjects[0]", equalTo(ids.get(2)));
        given().header("Authorization", auditor()).queryParam("agency", "paging-agency-" + incident)
                .queryParam("limit", 2).queryParam("cursor", first.path("nextCursor").toString())
                .get("/api/v1/audit")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].subjects[0]", equalTo(ids.get(0)));
        given().header("Authorization", auditor()).queryParam("from", "yesterday").get("/api/v1/audit")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }

    @Test
    void concurrentChangesKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "note-" + UUID.randomUUID();
                calls.add(() -> given().header("Authorization", bearer("commerce-bureau"))
                        .post("/fixture/audited/notes/" + id).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        verification().then().statusCode(200).body("intact", equalTo(true)).body("brokenAt", nullValue());
        assertThat(Rows.count("SELECT count(*) FROM audit_record"))
                .isEqualTo(Rows.count("SELECT seq FROM audit_chain_head"))
                .isEqualTo(Rows.count("SELECT max(seq) FROM audit_record"));
    }

    @Test
    void recordsWithTextBeyondAsciiKeepTheChainVerifiable() {
        // The hash is taken by PostgreSQL when the record is appended and recomputed in Java by the
        // verification: both must read the same UTF-8 bytes.
        String id = "note-滨江商户-" + UUID.randomUUID();
        given().header("Authorization", officer())
                .post("/fixture/audited/notes/" + id + "?incident=inc-" + id)
                .then().statusCode(201);

        given().header("Authorization", auditor()).queryParam("target", id)
                .get("/api/v1/audit")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].target", equalTo("/fixture/audited/notes/" + id))
                .body("items[0].subjects", equalTo(List.of(id)));
        verification().then().statusCode(200).body("intact", equalTo(true)).body("brokenAt", nullValue());
    }

    @Test
    void anEditedRecordIsReportedByTheVerification() {
        String id = "note-" + UUID.randomUUID();
        given().header("Authorization", bearer("commerce-bureau")).post("/fixture/audited/notes/" + id).then().statusCode(201);
        given().header("Authorization", bearer("commerce-bureau")).post("/fixture/audited/notes/" + id + "-after").then().statusCode(201);
        long seq = Rows.count("SELECT seq FROM audit_record WHERE target = ?", "/fixture/audited/notes/" + id);
        verification().then().statusCode(200).body("intact", equalTo(true));

        update("UPDATE audit_record SET agency = 'police-binjiang-branch' WHERE seq = ?", seq);
        try {
            verification().then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("brokenAt", equalTo((int) seq))
                    .body("lastSeq", equalTo((int) seq - 1));
        } finally {
            update("UPDATE audit_record SET agency = 'commerce-bureau' WHERE seq = ?", seq);
        }
        verification().then().body("intact", equalTo(true));
    }

    @Test
    void aDeletedRecordIsReportedByTheVerification() {
        String id = "note-" + UUID.randomUUID();
        given().header("Authorization", bearer("commerce-bureau")).post("/fixture/audited/notes/" + id).then().statusCode(201);
        given().header("Authorization", bearer("commerce-bureau")).post("/fixture/audited/notes/" + id + "-after").then().statusCode(201);
        long seq = Rows.count("SELECT seq FROM audit_record WHERE target = ?", "/fixture/audited/notes/" + id);

        update("INSERT INTO audit_record_removed SELECT * FROM audit_record WHERE seq = ?", seq);
        update("DELETE FROM audit_record WHERE seq = ?", seq);
        try {
            verification().then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("brokenAt", equalTo((int) seq))
                    .body("problem", equalTo("record " + seq + " is missing"));
        } finally {
            update("INSERT INTO audit_record SELECT * FROM audit_record_removed WHERE seq = ?", seq);
        }
        verification().then().body("intact", equalTo(true));
    }

    @Test
    void theLastRecordDeletedIsReportedToo() {
        // The chain head remembers the last record, so even a deletion at the end shows.
        String id = "note-" + UUID.randomUUID();
        given().header("Authorization", bearer("commerce-bureau")).post("/fixture/audited/notes/" + id).then().statusCode(201);
        long seq = Rows.count("SELECT seq FROM audit_record WHERE target = ?", "/fixture/audited/notes/" + id);
        update("INSERT INTO audit_record_removed SELECT * FROM audit_record WHERE seq = ?", seq);
        update("DELETE FROM audit_record WHERE seq = ?", seq);
        try {
            verification().then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("brokenAt", equalTo((int) seq));
        } finally {
            update("INSERT INTO audit_record SELECT * FROM audit_record_removed WHERE seq = ?", seq);
        }
        verification().then().body("intact", equalTo(true));
    }

    private static Response verification() {
        return given().header("Authorization", auditor()).get("/api/v1/audit/verification");
    }

    private static void update(String sql, Long seq) {
        try (var connection = DevstackTestResource.connection(); var statement = connection.prepareStatement(sql)) {
            if (seq != null) {
                statement.setLong(1, seq);
            }
            statement.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
