package io.liandong.grievance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.liandong.contracts.EventJson;
import io.liandong.contracts.grievance.GrievanceReceived;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.grievance.support.Db;
import io.liandong.grievance.support.Events;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class GrievanceResourceTest {

    /** A merchant's grievance as the Binjiang story tells it; each test puts it somewhere of its own. */
    static String grievance(String areaCode, double lat, double lon) {
        return """
                {"category": "shop-rent",
                 "description": "管理公司通知下月起租金一次性上调，上次协商没有结果，也没人跟进。",
                 "place": {"lat": %s, "lon": %s, "address": "滨江商圈管理处", "areaCode": "%s"},
                 "channel": "web",
                 "contact": {"name": "陈建国", "phone": "+86 138 0000 1234", "email": "chen@example.cn"},
                 "attachmentUrls": ["https://files.example.cn/rent-notice.jpg"],
                 "attributes": {"merchants_affected": "40", "gathering_planned": "yes"}}
                """.formatted(lat, lon, areaCode);
    }

    static String somewhere() {
        return String.valueOf(100000 + (int) (Math.random() * 899999));
    }

    private static String grievance() {
        return grievance(somewhere(), 30.0 + Math.random(), 120.0 + Math.random());
    }

    static String file(String body) {
        return As.hq().contentType(ContentType.JSON).body(body).post("/api/v1/grievances")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aFiledGrievanceIsStoredAndAnnouncedWithoutTheComplainantsContact() {
        String id = As.hq().contentType(ContentType.JSON).body(grievance())
                .post("/api/v1/grievances")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("received"))
                .body("category", equalTo("shop-rent"))
                .body("disputeType", equalTo("rent-increase"))
                .body("competentDepartment.code", equalTo("commerce-bureau"))
                .body("description", startsWith("管理公司通知"))
                .body("place.address", equalTo("滨江商圈管理处"))
                .body("complainantRef", startsWith("cpl-"))
                .body("contact", nullValue())
                .body(not(containsString("138 0000")))
                .extract().path("id");

        assertThat(Db.count("SELECT count(*) FROM grievance WHERE id = ?", id)).isOne();
        assertThat(Db.count("SELECT count(*) FROM complainant_contact WHERE grievance_id = ? AND phone = '+86 138 0000 1234'", id)).isOne();
        var records = Events.readUntil(Events.has("io.liandong.grievance.received.v1", id));
        var record = Events.of(records, "io.liandong.grievance.received.v1", id).get(0);
        assertThat(record.key()).isEqualTo(id);
        String body = Events.body(record);
        // The phone number in either spelling; "138" alone also occurs in random coordinates.
        assertThat(body).doesNotContain("138 0000").doesNotContain("13800001234").doesNotContain("chen@example.cn").doesNotContain("陈建国");
        var received = EventJson.read(body, GrievanceReceived.class);
        assertThat(received.disputeType()).isEqualTo("rent-increase");
        assertThat(received.complainantRef()).startsWith("cpl-");
        assertThat(received.attachmentUrls()).containsExactly("https://files.example.cn/rent-notice.jpg");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstAnswerAndStoreOnce() {
        String key = UUID.randomUUID().toString();
        String body = grievance();
        String first = As.hq().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/grievances").then().statusCode(201).extract().path("id");
        String footprint = Db.footprint();

        As.hq().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/grievances")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        assertThat(Db.footprint()).isEqualTo(footprint);

        As.hq().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body.replace("一次性上调", "上调"))
                .post("/api/v1/grievances")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:idempotency-key-reused"));
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    @Test
    void aGrievanceWithAnAddressButNoCoordinatesIsPlacedInItsArea() {
        String id = file("""
                {"category": "unpaid-wages", "description": "工地拖欠三个月工资",
                 "place": {"address": "滨江区江南大道工地", "areaCode": "330108"}, "channel": "hotline"}
                """);
        As.hq().get("/api/v1/grievances/" + id)
                .then().statusCode(200)
                .body("place.lat", nullValue())
                .body("place.areaCode", equalTo("330108"))
                .body("competentDepartment.code", equalTo("labour-bureau"))
                .body("complainantRef", startsWith("anon-"));
    }

    @Test
    void oneGrievanceShowsItsProgressAndAnETag() {
        String id = file(grievance());
        As.hq().get("/api/v1/grievances/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("progress.kind", contains("received"))
                .body("progress[0].text", containsString("commerce bureau"))
                .body("statusNote", containsString("commerce bureau"));
    }

    @Test
    void agenciesTriageLinkAndResolveAndTheComplainantReopens() {
        String id = file(grievance());
        As.hq().contentType(ContentType.JSON)
                .body("{\"priority\": \"urgent\", \"note\": \"A gathering is announced\", \"triagedBy\": \"commerce-bureau-duty\"}")
                .post("/api/v1/grievances/" + id + "/triage")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("triaged")).body("priority", equalTo("urgent"));
        As.hq().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"incidentId\": \"inc-2026-0107\", \"linkedBy\": \"hq-operator-07\"}")
                .post("/api/v1/grievances/" + id + "/link")
                .then().statusCode(200).body("status", equalTo("linked")).body("incidentId", equalTo("inc-2026-0107"));
        As.hq().contentType(ContentType.JSON)
                .body("{\"reason\": \"租金分三期上调，管理费减免两成\", \"closedBy\": \"commerce-bureau\"}")
                .post("/api/v1/grievances/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("resolved")).body("outcome", equalTo("resolved"))
                .body("reopenableUntil", notNullValue());
        As.hq().contentType(ContentType.JSON)
                .body("{\"reason\": \"四月账单仍按原价收取管理费\", \"reopenedBy\": \"complainant\"}")
                .post("/api/v1/grievances/" + id + "/reopen")
                .then().statusCode(200).body("status", equalTo("reopened"));

        var records = Events.readUntil(Events.has("io.liandong.grievance.reopened.v1", id));
        List<String> types = new ArrayList<>();
        records.stream().filter(r -> id.equals(Events.subject(r))).forEach(r -> types.add(Events.type(r)));
        assertThat(types).contains("io.liandong.grievance.received.v1", "io.liandong.grievance.triaged.v1",
                "io.liandong.grievance.linked.v1", "io.liandong.grievance.closed.v1", "io.liandong.grievance.reopened.v1");
        var linked = Events.of(records, "io.liandong.grievance.linked.v1", id).get(0);
        assertThat(linked.key()).isEqualTo("inc-2026-0107");

        As.hq().get("/api/v1/grievances/" + id)
                .then().body("progress.kind", contains("received", "triaged", "linked", "resolved", "reopened"));
    }

    @Test
    void aGrievanceIsClosedWithAReasonAndAnOpenOneCannotBeReopened() {
        String id = file(grievance());
        As.hq().contentType(ContentType.JSON).body("{\"reason\": \"Nothing to reopen\", \"reopenedBy\": \"complainant\"}")
                .post("/api/v1/grievances/" + id + "/reopen")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:illegal-state-change"));
        As.hq().contentType(ContentType.JSON).body("{\"reason\": \"重复投诉 (duplicate)\", \"closedBy\": \"commerce-bureau\"}")
                .post("/api/v1/grievances/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("closed")).body("closeReason", equalTo("重复投诉 (duplicate)"));
        String footprint = Db.footprint();
        As.hq().contentType(ContentType.JSON).body("{\"reason\": \"again\", \"closedBy\": \"commerce-bureau\"}")
                .post("/api/v1/grievances/" + id + "/resolve")
                .then().statusCode(409);
        As.hq().contentType(ContentType.JSON).body("{\"priority\": \"low\", \"triagedBy\": \"x\"}")
                .post("/api/v1/grievances/" + id + "/triage")
                .then().statusCode(409);
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        String id = file(grievance());
        String footprint = Db.footprint();
        As.hq().contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"priority\": \"high\", \"triagedBy\": \"duty\"}")
                .post("/api/v1/grievances/" + id + "/triage")
                .then().statusCode(412).contentType("application/problem+json");
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    @Test
    void linkingToASecondIncidentIsRefused() {
        String id = file(grievance());
        As.hq().contentType(ContentType.JSON).body("{\"incidentId\": \"inc-a\", \"linkedBy\": \"op\"}")
                .post("/api/v1/grievances/" + id + "/link").then().statusCode(200);
        As.hq().contentType(ContentType.JSON).body("{\"incidentId\": \"inc-a\", \"linkedBy\": \"op\"}")
                .post("/api/v1/grievances/" + id + "/link").then().statusCode(200).header("ETag", equalTo("\"1\""));
        As.hq().contentType(ContentType.JSON).body("{\"incidentId\": \"inc-b\", \"linkedBy\": \"op\"}")
                .post("/api/v1/grievances/" + id + "/link").then().statusCode(409);
    }

    @Test
    void theContactIsShownOnlyToTheDepartmentHandlingTheGrievance() {
        String id = file(grievance());
        As.agency("commerce-bureau").get("/api/v1/grievances/" + id + "/contact")
                .then().statusCode(200).body("phone", equalTo("+86 138 0000 1234")).body("name", equalTo("陈建国"));
        As.hq().get("/api/v1/grievances/" + id + "/contact").then().statusCode(200);
        // Another department does not learn that the grievance exists; an auditor reads records, not contacts.
        As.agency("labour-bureau").get("/api/v1/grievances/" + id + "/contact")
                .then().statusCode(404).contentType("application/problem+json").body(not(containsString("138 0000")));
        As.auditor().get("/api/v1/grievances/" + id + "/contact")
                .then().statusCode(403).contentType("application/problem+json").body(not(containsString("138 0000")));
        given().get("/api/v1/grievances/" + id + "/contact").then().statusCode(401).body(not(containsString("138 0000")));
    }

    @Test
    void aPartnerFilesAndAnAgencySeesAndHandlesOnlyItsDepartmentsGrievances() {
        String id = As.partner("binjiang-merchants-app").contentType(ContentType.JSON).body(grievance())
                .post("/api/v1/grievances").then().statusCode(201).extract().path("id");
        As.partner("binjiang-merchants-app").get("/api/v1/grievances").then().statusCode(403);

        As.agency("commerce-bureau").get("/api/v1/grievances/" + id).then().statusCode(200);
        As.agency("labour-bureau").get("/api/v1/grievances/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        As.agency("labour-bureau").contentType(ContentType.JSON).body("{\"priority\": \"high\", \"triagedBy\": \"x\"}")
                .post("/api/v1/grievances/" + id + "/triage").then().statusCode(404);
        As.auditor().contentType(ContentType.JSON).body("{\"priority\": \"high\", \"triagedBy\": \"x\"}")
                .post("/api/v1/grievances/" + id + "/triage").then().statusCode(403);
        As.hq().get("/api/v1/grievances/" + id).then().statusCode(200).body("status", equalTo("received"));

        As.agency("commerce-bureau").contentType(ContentType.JSON).body("{\"priority\": \"high\", \"triagedBy\": \"li\"}")
                .post("/api/v1/grievances/" + id + "/triage").then().statusCode(200).body("status", equalTo("triaged"));
    }

    @Test
    void listsFilterByStatusCategoryAreaAndTimeAndPageWithACursor() {
        String area = somewhere();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(file(grievance(area, 31.0, 121.0 + i * 0.1)));
        }
        file("""
                {"category": "unpaid-wages", "description": "拖欠工资", "place": {"lat": 31.0, "lon": 121.9, "areaCode": "%s"},
                 "channel": "walk-in"}""".formatted(area));
        As.hq().contentType(ContentType.JSON).body("{\"reason\": \"dup\", \"closedBy\": \"x\"}")
                .post("/api/v1/grievances/" + ids.get(0) + "/close").then().statusCode(200);

        var page1 = As.hq().queryParam("areaCode", area).queryParam("category", "shop-rent").queryParam("limit", 2)
                .get("/api/v1/grievances").then().statusCode(200)
                .body("items", hasSize(2)).body("items.category", everyItem(equalTo("shop-rent")))
                .body("items.id", contains(ids.get(4), ids.get(3)))
                .body("nextCursor", notNullValue());
        String cursor = page1.extract().path("nextCursor");
        String cursor2 = As.hq().queryParam("areaCode", area).queryParam("category", "shop-rent").queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/grievances").then().statusCode(200)
                .body("items.id", contains(ids.get(2), ids.get(1))).extract().path("nextCursor");
        As.hq().queryParam("areaCode", area).queryParam("category", "shop-rent").queryParam("limit", 2)
                .queryParam("cursor", cursor2)
                .get("/api/v1/grievances").then().statusCode(200)
                .body("items.id", contains(ids.get(0))).body("nextCursor", nullValue());

        As.hq().queryParam("areaCode", area).queryParam("status", "closed")
                .get("/api/v1/grievances").then().statusCode(200).body("items.id", contains(ids.get(0)));
        As.hq().queryParam("areaCode", area).queryParam("status", "received").queryParam("category", "unpaid-wages")
                .get("/api/v1/grievances").then().statusCode(200).body("items", hasSize(1));
        As.hq().queryParam("areaCode", area).queryParam("to", "2000-01-01T00:00:00Z")
                .get("/api/v1/grievances").then().statusCode(200).body("items", hasSize(0));
        As.hq().queryParam("areaCode", area).queryParam("from", "2000-01-01T00:00:00+08:00")
                .get("/api/v1/grievances").then().statusCode(200).body("items", hasSize(6));
    }

    // --- bad input: each a clear error that stores nothing

    private static ValidatableResponse refused(String body, int status) {
        String footprint = Db.footprint();
        ValidatableResponse response = As.hq().contentType(ContentType.JSON).body(body).post("/api/v1/grievances")
                .then().statusCode(status).contentType("application/problem+json");
        assertThat(Db.footprint()).isEqualTo(footprint);
        return response;
    }

    @Test
    void malformedJsonIsRefused() {
        refused("{\"category\": \"shop-rent\", ", 400).body("type", equalTo("urn:liandong:problem:malformed-body"));
    }

    @Test
    void anUnknownFieldIsRefused() {
        refused(grievance().replace("\"channel\"", "\"chanel\": \"web\", \"channel\""), 400)
                .body("errors[0].field", equalTo("chanel"));
    }

    @Test
    void anUnknownCategoryIsRefusedNamingTheField() {
        refused(grievance().replace("shop-rent", "alien-landing"), 422)
                .body("type", equalTo("urn:liandong:problem:invalid-input"))
                .body("errors.field", hasItem("category"));
    }

    @Test
    void coordinatesOutOfRangeAreRefused() {
        refused(grievance("330108", 95.0, 200.0), 400)
                .body("type", equalTo("urn:liandong:problem:validation"))
                .body("errors.field", contains("place.lat", "place.lon"));
    }

    @Test
    void aPlaceWithNeitherCoordinatesNorAddressIsRefused() {
        refused("""
                {"category": "shop-rent", "description": "租金", "place": {"areaCode": "330108"}, "channel": "web"}""", 422)
                .body("errors.field", hasItem("place"));
    }

    @Test
    void anUnknownChannelOrABadAreaCodeOrATooLongDescriptionIsRefused() {
        refused(grievance().replace("\"web\"", "\"pigeon\""), 400).body("errors[0].field", equalTo("channel"));
        refused(grievance("33A108", 30.2, 120.2), 400).body("errors.field", hasItem("place.areaCode"));
        refused(grievance().replace("管理公司通知", "长".repeat(4001)), 400).body("errors.field", hasItem("description"));
    }

    @Test
    void aPartnerAppGrievanceNeedsItsPartnerAndAnAttributeMustFit() {
        refused(grievance().replace("\"web\"", "\"partner-app\""), 422).body("errors.field", hasItem("partnerId"));
        refused(grievance().replace("\"40\"", "\"forty\""), 422).body("errors.field", hasItem("attribute[merchants_affected]"));
        refused(grievance().replace("gathering_planned", "weather"), 422).body("errors.field", hasItem("attribute[weather]"));
    }

    @Test
    void anOversizedBodyIsRefusedAsProblemJson() {
        String footprint = Db.footprint();
        As.hq().contentType(ContentType.JSON).body(grievance().replace("管理公司通知", "x".repeat(2 * 1024 * 1024)))
                .post("/api/v1/grievances")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:body-too-large"));
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    @Test
    void badListParametersAreRefused() {
        As.hq().queryParam("status", "sleeping").get("/api/v1/grievances").then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        As.hq().queryParam("from", "yesterday").get("/api/v1/grievances").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        As.hq().queryParam("cursor", "forged").get("/api/v1/grievances").then().statusCode(422)
                .body("errors[0].field", equalTo("cursor"));
        As.hq().queryParam("limit", 0).get("/api/v1/grievances").then().statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void unknownGrievancesAndBadChangesAreRefused() {
        As.hq().get("/api/v1/grievances/grv-nope").then().statusCode(404).contentType("application/problem+json");
        As.hq().contentType(ContentType.JSON).body("{\"priority\": \"high\", \"triagedBy\": \"x\"}")
                .post("/api/v1/grievances/grv-nope/triage").then().statusCode(404);
        String id = file(grievance());
        String footprint = Db.footprint();
        As.hq().contentType(ContentType.JSON).body("{\"priority\": \"whenever\", \"triagedBy\": \"x\"}")
                .post("/api/v1/grievances/" + id + "/triage").then().statusCode(400);
        As.hq().contentType(ContentType.JSON).body("{\"priority\": \"high\", \"category\": \"nope\", \"triagedBy\": \"x\"}")
                .post("/api/v1/grievances/" + id + "/triage").then().statusCode(422).body("errors[0].field", equalTo("category"));
        As.hq().contentType(ContentType.JSON).body("{\"reason\": \"\", \"closedBy\": \"x\"}")
                .post("/api/v1/grievances/" + id + "/close").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        As.hq().contentType(ContentType.JSON).body("{\"linkedBy\": \"x\"}")
                .post("/api/v1/grievances/" + id + "/link").then().statusCode(400).body("errors[0].field", equalTo("incidentId"));
        As.hq().contentType(ContentType.JSON).header("If-Match", "banana").body("{\"priority\": \"high\", \"triagedBy\": \"x\"}")
                .post("/api/v1/grievances/" + id + "/triage").then().statusCode(422);
        assertThat(Db.footprint()).isEqualTo(footprint);
    }
}
