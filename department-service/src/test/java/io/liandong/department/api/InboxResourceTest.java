package io.liandong.department.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.department.support.Agencies;
import io.liandong.department.support.Db;
import io.liandong.department.support.Dispatch;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class InboxResourceTest {


    /** An assignment for {@code agency} published by "dispatch" on Kafka, once it is in the inbox. */
    static String arrive(String agency) {
        AssignmentCreated created = Dispatch.assignment("inc-" + UUID.randomUUID(), "competent-department", agency);
        Dispatch.send(created);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(agency)
                .get("/api/v1/agencies/" + agency + "/assignments/" + created.assignmentId()).then().statusCode(200));
        return created.assignmentId();
    }

    static RequestSpecification as(String agency) {
        return As.agency(agency).contentType(ContentType.JSON);
    }

    static String path(String agency, String assignment) {
        return "/api/v1/agencies/" + agency + "/assignments/" + assignment;
    }

    @Test
    void anAgencyListsOnlyItsOwnOpenAssignmentsPageByPage() {
        String agency = Agencies.add("competent-department");
        String other = Agencies.add("competent-department");
        String first = arrive(agency);
        String second = arrive(agency);
        String third = arrive(agency);
        String foreign = arrive(other);
        String inbox = "/api/v1/agencies/" + agency + "/assignments";

        String cursor = as(agency).queryParam("limit", 2).get(inbox).then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].agencyId", equalTo(agency))
                .extract().path("nextCursor");
        assertThat(cursor).isNotNull();
        as(agency).queryParam("limit", 2).queryParam("cursor", cursor).get(inbox).then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue());
        List<String> all = as(agency).get(inbox).then().statusCode(200).extract().path("items.id");
        assertThat(all).containsExactlyInAnyOrder(first, second, third).doesNotContain(foreign);

        // Released assignments leave the default (open) list but stay under status=all or released.
        as(agency).header("If-Match", Dispatch.etag(path(agency, first), agency)).body("{\"acknowledgedBy\": \"duty-1\"}")
                .post(path(agency, first) + "/acknowledge").then().statusCode(200);
        as(agency).header("If-Match", Dispatch.etag(path(agency, first), agency)).body("{\"releasedBy\": \"duty-1\"}")
                .post(path(agency, first) + "/release").then().statusCode(200);
        as(agency).get(inbox).then().body("items.id", hasSize(2));
        as(agency).queryParam("status", "all").get(inbox).then().body("items.id", hasSize(3));
        as(agency).queryParam("status", "released").get(inbox).then().body("items.id", contains(first));

        // Another agency's inbox and assignments do not exist for the caller; bad parameters are named.
        as(other).get(inbox).then().statusCode(404).contentType("application/problem+json");
        as(agency).get(path(agency, foreign)).then().statusCode(404).contentType("application/problem+json");
        as(other).get(path(agency, second)).then().statusCode(404);
        given().get(inbox).then().statusCode(401).contentType("application/problem+json");
        as(agency).queryParam("status", "lost").get(inbox).then().statusCode(422).body("errors[0].field", equalTo("status"));
        as(agency).queryParam("limit", 0).get(inbox).then().statusCode(422).body("errors[0].field", equalTo("limit"));
        as(agency).queryParam("cursor", "bogus").get(inbox).then().statusCode(422).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anAgencyAcknowledgesGoesEnRouteArrivesAndIsReleasedEachAnEventOnItsTopic() {
        String agency = Agencies.add("competent-department");
        String assignment = arrive(agency);
        String path = path(agency, assignment);
        String etag = Dispatch.etag(path, agency);
        as(agency).get(path).then().body("assignment.status", equalTo("notified"))
                .body("assignment.duties", hasItem(containsString("mediation")))
                .body("timeline.type", hasItem("io.liandong.assignment.created.v1"));

        String other = Agencies.add("competent-department");
        String before = Db.snapshot();
        as(agency).body("{\"acknowledgedBy\": \"duty-1\"}").post(path + "/acknowledge").then().statusCode(428)
                .contentType("application/problem+json");
        as(agency).header("If-Match", "\"99\"").body("{\"acknowledgedBy\": \"duty-1\"}").post(path + "/acknowledge")
                .then().statusCode(412).contentType("application/problem+json");
        as(other).header("If-Match", etag).body("{\"acknowledgedBy\": \"intruder\"}")
                .post(path(other, assignment) + "/acknowledge").then().statusCode(404).contentType("application/problem+json");
        as(other).header("If-Match", etag).body("{\"acknowledgedBy\": \"intruder\"}").post(path + "/acknowledge")
                .then().statusCode(404);
        as(agency).header("If-Match", etag).body("{\"reportedBy\": \"duty-1\"}").post(path + "/on-scene")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("notified"));
        as(agency).header("If-Match", etag).body("{}").post(path + "/acknowledge").then().statusCode(400)
                .body("errors.field", hasItem("acknowledgedBy"));
        assertThat(Db.snapshot()).isEqualTo(before);

        as(agency).header("If-Match", etag).body("{\"acknowledgedBy\": \"duty-1\"}").post(path + "/acknowledge")
                .then().statusCode(200).body("assignment.status", equalTo("acknowledged"))
                .body("assignment.acknowledgedAt", notNullValue());
        as(agency).header("If-Match", Dispatch.etag(path, agency)).body("{\"acknowledgedBy\": \"duty-1\"}")
                .post(path + "/acknowledge").then().statusCode(409);
        as(agency).header("If-Match", Dispatch.etag(path, agency))
                .body("{\"reportedBy\": \"duty-1\", \"expectedArrivalAt\": \"2999-01-01T00:00:00Z\"}")
                .post(path + "/en-route").then().statusCode(200).body("assignment.status", equalTo("en-route"));
        as(agency).header("If-Match", Dispatch.etag(path, agency)).body("{\"reportedBy\": \"duty-1\", \"personnelCount\": 4}")
                .post(path + "/on-scene").then().statusCode(200).body("assignment.status", equalTo("on-scene"));
        as(agency).header("If-Match", Dispatch.etag(path, agency)).body("{\"releasedBy\": \"duty-1\", \"reason\": \"done\"}")
                .post(path + "/release").then().statusCode(200).body("assignment.status", equalTo("released"))
                .body("timeline.type", hasItem("io.liandong.assignment.released.v1"));
        as(agency).header("If-Match", Dispatch.etag(path, agency)).body("{\"releasedBy\": \"duty-1\"}")
                .post(path + "/release").then().statusCode(409);

        for (String type : new String[] {"acknowledged", "en-route", "on-scene", "released"}) {
            assertThat(Db.events("io.liandong.assignment." + type + ".v1", assignment)).as(type).hasSize(1);
        }
        // What dispatch consumes is on the department's topic, keyed by the incident.
        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), "liandong.department.events")) {
            // At least once: a relay retry may repeat a record, which the consumers' inboxes drop.
            var records = reader.readUntil(rs -> rs.stream().filter(r -> assignment.equals(TopicReader.header(r, "ce_subject")))
                    .map(r -> TopicReader.header(r, "ce_type")).distinct().count() == 4, Duration.ofSeconds(30));
            assertThat(records.stream().filter(r -> assignment.equals(TopicReader.header(r, "ce_subject")))
                    .map(r -> TopicReader.header(r, "ce_type")).distinct().toList()).containsExactly(
                    "io.liandong.assignment.acknowledged.v1", "io.liandong.assignment.en-route.v1",
                    "io.liandong.assignment.on-scene.v1", "io.liandong.assignment.released.v1");
            assertThat(records.stream().filter(r -> assignment.equals(TopicReader.header(r, "ce_subject")))
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)).findFirst().orElseThrow())
                    .contains("\"acknowledgedBy\":\"duty-1\"");
        }
    }

    @Test
    void aChangeAnswersWithTheAssignmentAloneWhenTheClientPrefersAMinimalReturn() {
        String agency = Agencies.add("competent-department");
        String assignment = arrive(agency);
        String path = path(agency, assignment);

        // A refused change is refused as without the preference, and changes nothing.
        String before = Db.snapshot();
        as(agency).header("If-Match", "\"99\"").header("Prefer", "return=minimal")
                .body("{\"acknowledgedBy\": \"duty-1\"}").post(path + "/acknowledge").then().statusCode(412)
                .contentType("application/problem+json").header("Preference-Applied", nullValue());
        assertThat(Db.snapshot()).isEqualTo(before);

        var acknowledged = as(agency).header("If-Match", Dispatch.etag(path, agency))
                .header("Prefer", "respond-async, return=minimal").body("{\"acknowledgedBy\": \"duty-1\"}")
                .post(path + "/acknowledge").then().statusCode(200)
                .header("Preference-Applied", "return=minimal")
                .body("id", equalTo(assignment)).body("status", equalTo("acknowledged"))
                .body("acknowledgedAt", notNullValue())
                .body("timeline", nullValue()).body("incident", nullValue()).body("assignment", nullValue())
                .extract();
        // The tag is the assignment's version after the change: the next change goes through with it.
        assertThat(acknowledged.header("ETag")).isEqualTo(Dispatch.etag(path, agency))
                .isEqualTo("\"" + acknowledged.path("version") + "\"");
        as(agency).header("If-Match", acknowledged.header("ETag")).header("Prefer", "return=minimal")
                .body("{\"reportedBy\": \"duty-1\", \"personnelCount\": 4}")
                .post(path + "/on-scene").then().statusCode(200).body("status", equalTo("on-scene"));
        assertThat(Db.events("io.liandong.assignment.acknowledged.v1", assignment)).hasSize(1);
        assertThat(Db.events("io.liandong.assignment.on-scene.v1", assignment)).hasSize(1);

        // Any other preference, or none, answers with everything a read shows.
        as(agency).header("If-Match", Dispatch.etag(path, agency)).header("Prefer", "return=representation")
                .body("{\"releasedBy\": \"duty-1\"}").post(path + "/release").then().statusCode(200)
                .header("Preference-Applied", nullValue())
                .body("assignment.status", equalTo("released"))
                .body("timeline.type", hasItem("io.liandong.assignment.released.v1"));
    }

    @Test
    void aReferralWithAMinimalReturnAnswersTheAssignmentNowInTheOtherInbox() {
        String agency = Agencies.add("competent-department");
        String other = Agencies.add("competent-department");
        String assignment = arrive(agency);
        String path = path(agency, assignment);

        as(agency).header("If-Match", Dispatch.etag(path, agency)).header("Prefer", "return=minimal")
                .body("{\"toAgencyId\": \"" + other + "\", \"reason\": \"theirs\", \"referredBy\": \"duty-1\"}")
                .post(path + "/referrals").then().statusCode(200)
                .header("Preference-Applied", "return=minimal")
                .body("agencyId", equalTo(other)).body("status", equalTo("notified")).body("hops", equalTo(1));
        as(other).get(path(other, assignment)).then().statusCode(200).body("assignment.agencyId", equalTo(other));
    }

    @Test
    void theDetailOfABigIncidentCarriesTheLatestOfItsTimelineAndCountsItsGrievances() {
        String agency = "commerce-bureau";
        String incident = "inc-" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(60);
        AssignmentCreated created = Dispatch.assignment(incident, "competent-department", agency);
        List<EventEnvelope> events = new ArrayList<>(List.of(
                EventEnvelope.of(UUID.randomUUID().toString(), start, Dispatch.binjiang(incident, "330108"), null, null),
                EventEnvelope.of(UUID.randomUUID().toString(), start.plusMillis(1), created, null, null)));
        List<String> grievances = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String grievance = "grv-" + UUID.randomUUID();
            grievances.add(grievance);
            Instant at = start.plusMillis(10 + i);
            events.add(EventEnvelope.of(UUID.randomUUID().toString(), at,
                    new GrievanceLinked(grievance, incident, "grievance-service", at, "cls-big"), null, null));
        }
        Dispatch.sendAll(events);
        String detail = path(agency, created.assignmentId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(agency).get(detail).then().statusCode(200)
                .body("incident.linkedGrievanceCount", equalTo(120)));

        List<String> latest = events.subList(events.size() - 50, events.size()).stream().map(EventEnvelope::id).toList();
        as(agency).get(detail).then().statusCode(200)
                .body("timeline.id", equalTo(latest))
                .body("timelineComplete", equalTo(false))
                .body("incident.linkedGrievanceIds", equalTo(grievances.subList(0, 100)));

        // The whole story, a page at a time.
        List<String> whole = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(agency).queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/incidents/" + incident + "/timeline").then().statusCode(200).extract();
            whole.addAll(page.path("events.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(whole).containsExactlyElementsOf(events.stream().map(EventEnvelope::id).toList());
    }

    @Test
    void notesAndSituationReportsAreAddedAndPublished() {
        String agency = Agencies.add("community-committee");
        String assignment = arrive(agency);
        String path = path(agency, assignment);
        as(agency).body("{\"kind\": \"situation-report\", \"text\": \"围观约80人，东侧出口已开放 (about 80 onlookers; east exit open)\", "
                        + "\"authoredBy\": \"duty-2\", \"attachmentUrls\": [\"https://files.example/photo-1.jpg\"]}")
                .post(path + "/notes").then().statusCode(201).header("Location", containsString("/notes/note-"))
                .body("kind", equalTo("situation-report"));
        String key = UUID.randomUUID().toString();
        String noteId = as(agency).header("Idempotency-Key", key)
                .body("{\"kind\": \"note\", \"text\": \"Merchants' representative is 陈建国\", \"authoredBy\": \"duty-2\"}")
                .post(path + "/notes").then().statusCode(201).extract().path("id");
        as(agency).header("Idempotency-Key", key)
                .body("{\"kind\": \"note\", \"text\": \"Merchants' representative is 陈建国\", \"authoredBy\": \"duty-2\"}")
                .post(path + "/notes").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(noteId));
        String before = Db.snapshot();
        as(agency).body("{\"kind\": \"gossip\", \"text\": \"x\", \"authoredBy\": \"duty-2\"}").post(path + "/notes")
                .then().statusCode(400).contentType("application/problem+json");
        as(agency).body("{\"kind\": \"note\", \"text\": \"\", \"authoredBy\": \"duty-2\"}").post(path + "/notes")
                .then().statusCode(400).body("errors.field", hasItem("text"));
        as("commerce-bureau").body("{\"kind\": \"note\", \"text\": \"x\", \"authoredBy\": \"x\"}")
                .post(path("commerce-bureau", assignment) + "/notes").then().statusCode(404);
        assertThat(Db.snapshot()).isEqualTo(before);
        as(agency).get(path).then().body("notes", hasSize(2)).body("notes.kind", hasItem("situation-report"))
                .body("notes.find { it.kind == 'situation-report' }.attachmentUrls[0]", containsString("photo-1"));
        assertThat(Db.events("io.liandong.assignment.note-added.v1", assignment)).hasSize(2);
    }

    @Test
    void aReferralHandsTheAssignmentOnAtOnceAndBackAndForthGoesToTheHq() {
        String jiangnan = Agencies.add("community-committee");
        String binhe = Agencies.add("community-committee");
        String assignment = arrive(jiangnan);
        String refer = "{\"toAgencyId\": \"%s\", \"reason\": \"%s\", \"referredBy\": \"duty-7\"}";

        String before = Db.snapshot();
        as(jiangnan).body(refer.formatted(binhe, "not our area")).post(path(jiangnan, assignment) + "/referrals")
                .then().statusCode(428);
        as(jiangnan).header("If-Match", Dispatch.etag(path(jiangnan, assignment), jiangnan))
                .body(refer.formatted("ministry-of-magic", "x")).post(path(jiangnan, assignment) + "/referrals")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("toAgencyId"))
                .body("detail", containsString("ministry-of-magic"));
        as(jiangnan).header("If-Match", Dispatch.etag(path(jiangnan, assignment), jiangnan))
                .body("{\"toAgencyId\": \"" + binhe + "\", \"referredBy\": \"duty-7\"}").post(path(jiangnan, assignment) + "/referrals")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        assertThat(Db.snapshot()).isEqualTo(before);

        as(jiangnan).header("If-Match", Dispatch.etag(path(jiangnan, assignment), jiangnan))
                .body(refer.formatted(binhe, "管理处位于滨和社区辖区 (the office is in Binhe's area)"))
                .post(path(jiangnan, assignment) + "/referrals").then().statusCode(200)
                .body("assignment.agencyId", equalTo(binhe)).body("assignment.status", equalTo("notified"))
                .body("referrals[0].hop", equalTo(1)).body("referrals[0].referredAt", notNullValue());
        // At once in the new inbox, gone from the old one.
        as(binhe).get("/api/v1/agencies/" + binhe + "/assignments").then().body("items.id", hasItem(assignment));
        as(jiangnan).get(path(jiangnan, assignment)).then().statusCode(404);
        assertThat(Db.events("io.liandong.assignment.referred.v1", assignment)).singleElement().asString()
                .contains("\"toAgencyId\":\"" + binhe + "\"").contains("\"hop\":1");

        // Back to the first holder: ping-pong, so the HQ gets it instead, marked as such.
        as(binhe).header("If-Match", Dispatch.etag(path(binhe, assignment), binhe))
                .body(refer.formatted(jiangnan, "not ours either")).post(path(binhe, assignment) + "/referrals")
                .then().statusCode(200).body("assignment.agencyId", equalTo("city-command-hq"))
                .body("assignment.atHqAfterLoop", equalTo(true))
                .body("referrals[1].requestedAgencyId", equalTo(jiangnan)).body("referrals[1].redirectedToHq", equalTo(true))
                .body("referrals[1].redirectReason", containsString("already held it"));
        assertThat(Db.events("io.liandong.assignment.referred.v1", assignment)).hasSize(2).last().asString()
                .contains("\"toAgencyId\":\"city-command-hq\"").contains("\"requestedAgencyId\":\"" + jiangnan + "\"");
        as("city-command-hq").get("/api/v1/agencies/city-command-hq/assignments").then().body("items.id", hasItem(assignment));
    }

    @Test
    void referralsAreBoundedAndOnlyBeforeSettingOff() {
        List<String> agencies = List.of(Agencies.add("police"), Agencies.add("police"), Agencies.add("police"),
                Agencies.add("police"), Agencies.add("police"));
        String assignment = arrive(agencies.get(0));
        String refer = "{\"toAgencyId\": \"%s\", \"reason\": \"not ours\", \"referredBy\": \"duty\"}";
        for (int i = 0; i < 3; i++) {
            String from = agencies.get(i);
            as(from).header("If-Match", Dispatch.etag(path(from, assignment), from)).body(refer.formatted(agencies.get(i + 1)))
                    .post(path(from, assignment) + "/referrals").then().statusCode(200)
                    .body("assignment.agencyId", equalTo(agencies.get(i + 1)));
        }
        String fourth = agencies.get(3);
        as(fourth).header("If-Match", Dispatch.etag(path(fourth, assignment), fourth)).body(refer.formatted(agencies.get(4)))
                .post(path(fourth, assignment) + "/referrals").then().statusCode(200)
                .body("assignment.agencyId", equalTo("city-command-hq")).body("referrals", hasSize(4))
                .body("referrals[3].redirectReason", containsString("3 times"))
                .body("referrals[3].requestedAgencyId", equalTo(agencies.get(4)));

        String other = Agencies.add("police");
        String moving = arrive(other);
        String p = path(other, moving);
        as(other).header("If-Match", Dispatch.etag(p, other)).body("{\"acknowledgedBy\": \"d\"}").post(p + "/acknowledge")
                .then().statusCode(200);
        as(other).header("If-Match", Dispatch.etag(p, other)).body("{\"reportedBy\": \"d\"}").post(p + "/en-route")
                .then().statusCode(200);
        String before = Db.snapshot();
        as(other).header("If-Match", Dispatch.etag(p, other)).body(refer.formatted(agencies.get(0))).post(p + "/referrals")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(Db.snapshot()).isEqualTo(before);
    }
}
