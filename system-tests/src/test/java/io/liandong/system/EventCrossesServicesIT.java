package io.liandong.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.liandong.devstack.Stack;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton, on the packaged services: an event published by one service through
 * its outbox is consumed through the inbox of each of the others, over a real broker.
 */
class EventCrossesServicesIT {

    private static final List<String> CONSUMERS = List.of("grievance-service", "department-service", "followup-service");

    private static Stack stack;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "stack-");
        stack = Stack.builder().repoDir(Path.of("..")).dataDir(data).freePorts()
                .classArchiveDir(Path.of("target", "class-archives")).build().start();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyServiceIsReadyWithItsDatabaseAndKafka() {
        for (Stack.Service service : stack.services()) {
            given().baseUri(stack.serviceUrl(service.name())).get("/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void anIncidentReportedToDispatchReachesEveryOtherServiceOnce() throws Exception {
        String operator = stack.identity().token("city-command-hq", "hq-operator");
        String auditor = stack.identity().token("city-command-hq", "auditor");
        String incident = given().baseUri(stack.serviceUrl("dispatch-service")).auth().oauth2(operator)
                .contentType(ContentType.JSON)
                .body("""
                        {"incidentType": "commercial-dispute", "disputeType": "rent-increase", "severity": "high",
                         "place": {"lat": 30.2084, "lon": 120.2119, "address": "滨江商圈管理处", "areaCode": "330108"},
                         "estimatedCrowdSize": 120, "description": "商户围堵管理处, 围观群众聚集",
                         "reportedBy": "hq-operator-07"}""")
                .post("/api/v1/incidents")
                .then().statusCode(201)
                .extract().path("id");

        for (String consumer : CONSUMERS) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(stack.serviceUrl(consumer)).auth().oauth2(auditor).get("/api/v1/incidents/" + incident + "/timeline")
                            .then().statusCode(200)
                            .body("events.type", hasItem("io.liandong.incident.reported.v1"))
                            .body("events[0].source", equalTo("/dispatch-service")));
            assertThat(inboxRows(consumer, incident)).as("inbox rows of %s", consumer).isEqualTo(1);
        }
    }

    private static long inboxRows(String service, String incident) throws Exception {
        try (var connection = DriverManager.getConnection(stack.jdbcUrl(service), stack.username(), stack.password());
             var select = connection.prepareStatement("""
                     SELECT count(*) FROM inbox_event i JOIN incident_event e ON e.event_id = i.event_id
                     WHERE e.incident_id = ? AND i.ce_type = 'io.liandong.incident.reported.v1'""")) {
            select.setString(1, incident);
            try (var rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
