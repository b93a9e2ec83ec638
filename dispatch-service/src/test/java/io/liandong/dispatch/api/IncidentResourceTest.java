package io.liandong.dispatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.Topics;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class IncidentResourceTest {

    static final String BINJIANG = """
            {"incidentType": "commercial-dispute",
             "disputeType": "rent-increase",
             "place": {"lat": 30.2084, "lon": 120.2119, "address": "滨江商圈管理处, 江南大道 1 号", "areaCode": "330108"},
             "severity": "high",
             "estimatedCrowdSize": 120,
             "parties": [{"partyId": "merchants", "name": "滨江商圈商户代表", "side": "claimant"},
                         {"partyId": "management", "name": "Binjiang Property Management Co.", "side": "respondent"}],
             "description": "Merchants besieging the management office over a rent increase; onlookers gathering.",
             "reportedBy": "hq-operator-07"}
            """;

    @Test
    void aReportedIncidentIsStoredAndItsEventPublished() {
        String id = given().contentType(ContentType.JSON).body(BINJIANG)
                .post("/api/v1/incidents")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("reported"))
                .body("severity", equalTo("high"))
                .body("place.address", equalTo("滨江商圈管理处, 江南大道 1 号"))
                .body("playbookVersion", equalTo("key-areas-standard@1"))
                .extract().path("id");

        given().get("/api/v1/incidents/" + id)
                .then().statusCode(200)
                .body("incidentType", equalTo("commercial-dispute"))
                .body("estimatedCrowdSize", equalTo(120));

        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.DISPATCH_EVENTS)) {
            var record = reader.readUntil(rs -> rs.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(record, CloudEventHeaders.CE_TYPE)).isEqualTo("io.liandong.incident.reported.v1");
            assertThat(TopicReader.header(record, CloudEventHeaders.CE_INCIDENTID)).isEqualTo(id);
            var payload = EventJson.read(new String(record.value(), StandardCharsets.UTF_8), IncidentReported.class);
            assertThat(payload.incidentId()).isEqualTo(id);
            assertThat(payload.parties()).hasSize(2);
        }

        given().get("/api/v1/incidents/" + id + "/timeline")
                .then().statusCode(200)
                .body("events.type", hasItem("io.liandong.incident.reported.v1"));
    }

    @Test
    void anUnknownIncidentTypeIsRefusedAndNothingIsStored() throws Exception {
        long before = incidents();
        given().contentType(ContentType.JSON).body(BINJIANG.replace("commercial-dispute", "alien-landing"))
                .post("/api/v1/incidents")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("incidentType"));
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void aMissingPlaceAndANegativeCrowdAreNamed() {
        given().contentType(ContentType.JSON)
                .body(BINJIANG.replace("\"estimatedCrowdSize\": 120", "\"estimatedCrowdSize\": -5")
                        .replaceAll("\"place\": \\{[^}]*},", ""))
                .post("/api/v1/incidents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("place"))
                .body("errors.field", hasItem("estimatedCrowdSize"));
    }

    @Test
    void coordinatesOutOfRangeAndAnUnknownSeverityAreRefused() {
        given().contentType(ContentType.JSON).body(BINJIANG.replace("30.2084", "130.2"))
                .post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", hasItem("place.lat"));
        given().contentType(ContentType.JSON).body(BINJIANG.replace("\"high\"", "\"apocalyptic\""))
                .post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("severity"));
    }

    @Test
    void anUnknownFieldAndMalformedJsonAreBadRequests() {
        given().contentType(ContentType.JSON).body(BINJIANG.replace("\"severity\"", "\"colour\": \"red\", \"severity\""))
                .post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        given().contentType(ContentType.JSON).body("{\"incidentType\": ")
                .post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        given().get("/api/v1/incidents/inc-nope")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/incidents/inc-nope/timeline")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static long incidents() throws Exception {
        try (var connection = DriverManager.getConnection(DevstackTestResource.jdbcUrl(),
                Devstack.postgres().username(), Devstack.postgres().password());
             var rs = connection.createStatement().executeQuery("SELECT count(*) FROM incident")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
