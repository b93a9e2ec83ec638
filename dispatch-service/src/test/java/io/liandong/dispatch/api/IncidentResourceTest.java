package io.liandong.dispatch.api;

import static io.liandong.dispatch.support.Api.BINJIANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.Topics;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.dispatch.support.Api;
import io.liandong.dispatch.support.Db;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class IncidentResourceTest {

    @Test
    void aReportedIncidentIsStoredDispatchedAndItsEventsPublished() {
        String id = As.hq().contentType(ContentType.JSON).body(BINJIANG)
                .post("/api/v1/incidents")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", notNullValue())
                .body("status", equalTo("dispatched"))
                .body("severity", equalTo("medium"))
                .body("place.address", equalTo("滨江商圈管理处, 江南大道 1 号"))
                .body("parties", hasSize(2))
                .body("playbookVersion", startsWith("key-areas-standard@"))
                .extract().path("id");

        As.hq().get("/api/v1/incidents/" + id)
                .then().statusCode(200)
                .header("ETag", startsWith("\""))
                .body("incidentType", equalTo("commercial-dispute"))
                .body("estimatedCrowdSize", equalTo(120));
        As.hq().get("/api/v1/incidents/" + id + "/assignments").then().statusCode(200)
                .body("agencyId", containsInAnyOrder("police-binjiang-branch", "commerce-bureau", "community-binjiang-xixing"))
                .body("status", everyItem(equalTo("notified")));

        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.DISPATCH_EVENTS)) {
            var records = reader.readUntil(rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 5, Duration.ofSeconds(30))
                    .stream().filter(r -> id.equals(r.key())).toList();
            assertThat(records).extracting(r -> TopicReader.header(r, CloudEventHeaders.CE_TYPE)).containsExactly(
                    "io.liandong.incident.reported.v1", "io.liandong.assignment.created.v1", "io.liandong.assignment.created.v1",
                    "io.liandong.assignment.created.v1", "io.liandong.incident.status-changed.v1");
            var payload = EventJson.read(new String(records.get(0).value(), StandardCharsets.UTF_8), IncidentReported.class);
            assertThat(payload.incidentId()).isEqualTo(id);
            assertThat(payload.parties()).hasSize(2);
        }

        As.hq().get("/api/v1/incidents/" + id + "/timeline")
                .then().statusCode(200)
                .body("events.type", hasItems("io.liandong.incident.reported.v1", "io.liandong.assignment.created.v1"));
    }

    @Test
    void theTimelineIsReadAPageAtATimeOldestFirst() {
        String id = As.hq().contentType(ContentType.JSON).body(BINJIANG).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        String path = "/api/v1/incidents/" + id + "/timeline";
        List<String> whole = As.hq().get(path).then().statusCode(200).body("nextCursor", nullValue())
                .extract().path("events.id");
        assertThat(whole).hasSizeGreaterThanOrEqualTo(5);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = As.hq().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(path).then().statusCode(200).body("events", hasSize(lessThanOrEqualTo(2))).extract();
            paged.addAll(page.path("events.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(pages).isEqualTo((whole.size() + 1) / 2);

        As.hq().queryParam("limit", 0).get(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        As.hq().queryParam("limit", 501).get(path).then().statusCode(422).contentType("application/problem+json");
        As.hq().queryParam("cursor", "not-ours").get(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyOpensNothingNew() {
        String key = "report-" + UUID.randomUUID();
        String first = As.hq().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BINJIANG)
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        long incidents = Db.count("SELECT count(*) FROM incident");
        As.hq().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BINJIANG)
                .post("/api/v1/incidents").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        As.hq().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BINJIANG.replace("120", "121"))
                .post("/api/v1/incidents").then().statusCode(422).contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM incident")).isEqualTo(incidents);
        assertThat(Db.outboxCount("io.liandong.assignment.created.v1", first)).isEqualTo(3);
    }

    @Test
    void anUnknownIncidentTypeIsRefusedAndNothingIsStored() {
        long before = Db.count("SELECT count(*) FROM incident");
        long events = Db.count("SELECT count(*) FROM outbox_event");
        As.hq().contentType(ContentType.JSON).body(BINJIANG.replace("commercial-dispute", "alien-landing"))
                .post("/api/v1/incidents")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("incidentType"))
                .body("detail", containsString("alien-landing"));
        assertThat(Db.count("SELECT count(*) FROM incident")).isEqualTo(before);
        assertThat(Db.count("SELECT count(*) FROM outbox_event")).isEqualTo(events);
    }

    @Test
    void aMissingPlaceAndANegativeCrowdAreNamed() {
        long before = Db.count("SELECT count(*) FROM incident");
        As.hq().contentType(ContentType.JSON)
                .body(BINJIANG.replace("\"estimatedCrowdSize\": 120", "\"estimatedCrowdSize\": -5")
                        .replaceAll("\"place\": \\{[^}]*},", ""))
                .post("/api/v1/incidents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("place"))
                .body("errors.field", hasItem("estimatedCrowdSize"));
        assertThat(Db.count("SELECT count(*) FROM incident")).isEqualTo(before);
    }

    @Test
    void coordinatesOutOfRangeAndAnUnknownSeverityAreRefused() {
        As.hq().contentType(ContentType.JSON).body(BINJIANG.replace("30.2084", "130.2"))
                .post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", hasItem("place.lat"));
        As.hq().contentType(ContentType.JSON).body(BINJIANG.replace("\"medium\"", "\"apocalyptic\""))
                .post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("severity"));
    }

    @Test
    void anUnknownFieldAndMalformedJsonAreBadRequests() {
        As.hq().contentType(ContentType.JSON).body(BINJIANG.replace("\"severity\"", "\"colour\": \"red\", \"severity\""))
                .post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        As.hq().contentType(ContentType.JSON).body("{\"incidentType\": ")
                .post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        As.hq().get("/api/v1/incidents/inc-nope")
                .then().statusCode(404).contentType("application/problem+json");
        As.hq().get("/api/v1/incidents/inc-nope/timeline")
                .then().statusCode(404).contentType("application/problem+json");
        As.hq().get("/api/v1/incidents/inc-nope/performance")
                .then().statusCode(404).contentType("application/problem+json");
        As.hq().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\": \"cancelled\", \"changedBy\": \"op\"}")
                .post("/api/v1/incidents/inc-nope/status")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theLifecycleIsGuardedByIfMatchAndByItsRules() {
        String id = Api.report();
        String path = "/api/v1/incidents/" + id;
        String etag = Api.etag(path);
        String move = "{\"status\": \"%s\", \"changedBy\": \"hq-operator-07\", \"reason\": \"test\"}";

        // No If-Match: 428; a stale one: 412; an illegal move: 409. Nothing changes.
        As.hq().contentType(ContentType.JSON).body(move.formatted("cancelled")).post(path + "/status")
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:precondition-required"));
        As.hq().contentType(ContentType.JSON).header("If-Match", "\"70\"").body(move.formatted("cancelled")).post(path + "/status")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:stale-version"));
        As.hq().contentType(ContentType.JSON).header("If-Match", etag).body(move.formatted("closed")).post(path + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("dispatched"));
        As.hq().contentType(ContentType.JSON).header("If-Match", etag).body(move.formatted("sideways")).post(path + "/status")
                .then().statusCode(400).contentType("application/problem+json");
        As.hq().get(path).then().body("status", equalTo("dispatched")).header("ETag", equalTo(etag));
        assertThat(Db.outboxCount("io.liandong.incident.status-changed.v1", id)).isEqualTo(1);

        // The whole way, each step with the ETag of the one before.
        for (String to : List.of("on-scene", "under-control", "mediating", "resolved", "closed")) {
            As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path)).body(move.formatted(to))
                    .post(path + "/status").then().statusCode(200).body("status", equalTo(to));
        }
        assertThat(Db.outboxCount("io.liandong.incident.status-changed.v1", id)).isEqualTo(6);
        // A closed incident takes no new agency, and its clocks are stopped.
        As.hq().contentType(ContentType.JSON).body("{\"agencyId\": \"health-commission\", \"createdBy\": \"op\"}")
                .post(path + "/assignments").then().statusCode(409).contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM platform_deadline WHERE incident_id = ? AND fired_at IS NULL AND cancelled_at IS NULL", id))
                .isZero();
    }

    @Test
    void raisingTheSeverityAppliesThePlaybookAgainAndAddsHealth() {
        String id = Api.report();
        String path = "/api/v1/incidents/" + id;
        String etag = Api.etag(path);
        As.hq().contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"severity\": \"high\", \"estimatedCrowdSize\": 300, \"changedBy\": \"hq-operator-07\", "
                        + "\"reason\": \"the crowd is pressing in\"}")
                .post(path + "/severity")
                .then().statusCode(200).body("severity", equalTo("high")).body("estimatedCrowdSize", equalTo(300))
                .header("ETag", not(equalTo(etag)));
        As.hq().get(path + "/assignments").then().statusCode(200).body("agencyRole", hasItem("health-commission"))
                .body("find { it.agencyRole == 'health-commission' }.onSiteGroup", equalTo("logistics"));
        assertThat(Db.outboxCount("io.liandong.incident.severity-changed.v1", id)).isEqualTo(1);
        assertThat(Db.outboxCount("io.liandong.assignment.created.v1", id)).isEqualTo(4);

        // Raising it again adds nobody twice.
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path))
                .body("{\"severity\": \"critical\", \"changedBy\": \"op\", \"reason\": \"more\"}")
                .post(path + "/severity").then().statusCode(200);
        assertThat(Db.outboxCount("io.liandong.assignment.created.v1", id)).isEqualTo(4);

        // Bad input changes nothing.
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path))
                .body("{\"severity\": \"high\", \"estimatedCrowdSize\": -1, \"changedBy\": \"op\", \"reason\": \"x\"}")
                .post(path + "/severity").then().statusCode(400).body("errors.field", hasItem("estimatedCrowdSize"));
        As.hq().contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"severity\": \"low\", \"changedBy\": \"op\", \"reason\": \"x\"}")
                .post(path + "/severity").then().statusCode(412);
        As.hq().get(path).then().body("severity", equalTo("critical"));
    }

    @Test
    void theListFiltersAndPagesWithACursor() {
        String area = "3301" + (10 + (int) (Math.random() * 89)) + String.format("%03d", (int) (Math.random() * 999));
        String body = BINJIANG.replace("\"330108\"", "\"" + area + "\"");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.report(body));
        }
        String first = As.hq().queryParam("areaCode", area).queryParam("limit", 2).get("/api/v1/incidents")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        List<String> seen = new java.util.ArrayList<>(As.hq().queryParam("areaCode", area).queryParam("limit", 2)
                .get("/api/v1/incidents").then().extract().path("items.id"));
        String cursor = first;
        while (cursor != null) {
            var page = As.hq().queryParam("areaCode", area).queryParam("limit", 2).queryParam("cursor", cursor)
                    .get("/api/v1/incidents").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

        As.hq().queryParam("areaCode", area).queryParam("status", "dispatched").queryParam("incidentType", "commercial-dispute")
                .queryParam("severity", "medium").queryParam("origin", "operator").get("/api/v1/incidents")
                .then().statusCode(200).body("items", hasSize(5)).body("nextCursor", nullValue());
        As.hq().queryParam("areaCode", area).queryParam("status", "closed").get("/api/v1/incidents")
                .then().statusCode(200).body("items", hasSize(0));
        As.hq().queryParam("status", "sideways").get("/api/v1/incidents")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        As.hq().queryParam("cursor", "not-a-cursor-" + UUID.randomUUID()).get("/api/v1/incidents")
                .then().statusCode(422).body("errors[0].field", equalTo("cursor"));
        As.hq().queryParam("limit", 1000).get("/api/v1/incidents").then().statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }
}
