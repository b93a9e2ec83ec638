package io.liandong.dispatch.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.Topics;
import io.liandong.contracts.common.GeoPoint;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicWriter;
import io.liandong.dispatch.support.Api;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.security.Roles;
import io.liandong.platform.testing.As;
import io.liandong.platform.testing.AuthorizationMatrix;
import io.liandong.platform.testing.AuthorizationMatrix.Who;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every operation of dispatch-service's OpenAPI document, called by the right caller and by every wrong one. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AuthorizationMatrixTest {

    @Test
    void everyOperationAdmitsOnlyTheCallersItsRulesName() {
        // The Binjiang incident at medium severity: police, the commerce bureau and the community, not health.
        String incident = Api.report();
        String i = "/api/v1/incidents/" + incident;
        String police = As.hq().get(i + "/assignments").then().statusCode(200)
                .extract().path("find { it.agencyRole == 'police' }.agencyId");
        String policeAssignment = Api.assignmentOf(incident, "police");
        String alert = As.hq().contentType(ContentType.JSON).body(AlertResourceTest.ALERT).post(i + "/alerts")
                .then().statusCode(201).extract().path("id");
        String proposal = proposal();

        Who officer = Who.of(police, Roles.AGENCY_OFFICER);
        Who lead = Who.of(police, Roles.AGENCY_LEAD);
        Who health = Who.of("health-commission", Roles.AGENCY_OFFICER);
        Who healthLead = Who.of("health-commission", Roles.AGENCY_LEAD);
        Who partner = Who.of("binjiang-merchants-app", Roles.PARTNER_INTAKE);
        Who operator = Who.of(As.HQ_AGENCY, Roles.HQ_OPERATOR);
        Who commander = Who.of(As.HQ_AGENCY, Roles.HQ_COMMANDER);
        Who auditor = Who.of(As.HQ_AGENCY, Roles.AUDITOR);
        Who admin = Who.of(As.HQ_AGENCY, Roles.PLATFORM_ADMIN);
        String a = i + "/assignments/" + policeAssignment;
        String al = i + "/alerts/" + alert;

        AuthorizationMatrix.forService()
                .call("POST /api/v1/incidents", "/api/v1/incidents").by(operator).body(Api.BINJIANG)
                    .notByRole(officer).notByRole(auditor).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/incidents", "/api/v1/incidents").by(auditor)
                    .notByRole(officer).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/incidents/{id}", i).by(officer)
                    .notByAgency(health).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/incidents/{id}/status", i + "/status").by(commander)
                    .body("{\"status\": \"on-scene\", \"changedBy\": \"hq\"}")
                    .notByRole(officer).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/incidents/{id}/severity", i + "/severity").by(operator)
                    .body("{\"severity\": \"high\", \"changedBy\": \"hq\", \"reason\": \"crowd growing\"}")
                    .notByRole(lead).notByRole(auditor).notByRole(partner)
                .call("GET /api/v1/incidents/{id}/performance", i + "/performance").by(lead)
                    .notByAgency(healthLead).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/incidents/{incidentId}/assignments", i + "/assignments").by(officer)
                    .notByAgency(health).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/incidents/{incidentId}/assignments", i + "/assignments").by(operator)
                    .body("{\"agencyId\": \"labour-bureau\", \"createdBy\": \"hq\"}") // not the wrong agency below
                    .notByRole(officer).notByRole(auditor).notByRole(partner)
                .call("GET /api/v1/incidents/{incidentId}/assignments/{assignmentId}", a).by(officer)
                    .notByAgency(Who.of("commerce-bureau", Roles.AGENCY_OFFICER)).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/incidents/{incidentId}/assignments/{assignmentId}/status", a + "/status").by(officer)
                    .body("{\"status\": \"acknowledged\", \"changedBy\": \"duty\"}")
                    .notByAgency(Who.of("commerce-bureau", Roles.AGENCY_LEAD)).notByRole(auditor).notByRole(partner)
                .call("GET /api/v1/incidents/{incidentId}/milestones", i + "/milestones").by(lead)
                    .notByAgency(health).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/incidents/{incidentId}/milestones", i + "/milestones").by(officer)
                    .body(MilestoneResourceTest.MILESTONE.formatted("cordon-set", police))
                    .notByAgency(health).notByRole(auditor).notByRole(partner)
                    .notByRole(Who.of("commerce-bureau", Roles.AGENCY_OFFICER)) // assigned, but not its milestone
                .call("GET /api/v1/incidents/{incidentId}/alerts", i + "/alerts").by(officer)
                    .notByAgency(health).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/incidents/{incidentId}/alerts", i + "/alerts").by(operator).body(AlertResourceTest.ALERT)
                    .notByRole(officer).notByRole(auditor).notByRole(partner)
                .call("GET /api/v1/incidents/{incidentId}/alerts/{alertId}", al).by(lead)
                    .notByAgency(health).notByRole(partner).notByRole(admin)
                .call("PUT /api/v1/incidents/{incidentId}/alerts/{alertId}", al).by(operator).body(AlertResourceTest.ALERT)
                    .notByRole(officer).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/incidents/{incidentId}/alerts/{alertId}/cancel", al + "/cancel").by(commander)
                    .body("{\"sentBy\": \"hq\", \"reason\": \"over\"}")
                    .notByRole(officer).notByRole(auditor).notByRole(partner)
                .call("GET /api/v1/incidents/{incidentId}/alerts/{alertId}/cap", al + "/cap").by(officer)
                    .notByAgency(health).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/incident-proposals", "/api/v1/incident-proposals").by(auditor)
                    .notByRole(officer).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/incident-proposals/{id}", "/api/v1/incident-proposals/" + proposal).by(operator)
                    .notByRole(officer).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/incident-proposals/{id}/accept", "/api/v1/incident-proposals/" + proposal + "/accept")
                    .by(operator).body("{\"acceptedBy\": \"hq\"}")
                    .notByRole(officer).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/incident-proposals/{id}/dismiss", "/api/v1/incident-proposals/" + proposal + "/dismiss")
                    .by(commander).body("{\"dismissedBy\": \"hq\", \"reason\": \"a rumour\"}")
                    .notByRole(officer).notByRole(auditor).notByRole(partner)
                .call("GET /api/v1/admin/playbook", "/api/v1/admin/playbook").by(admin)
                    .notByRole(officer).notByRole(partner)
                .call("GET /api/v1/admin/playbook/versions", "/api/v1/admin/playbook/versions").by(auditor)
                    .notByRole(officer).notByRole(partner)
                .call("GET /api/v1/admin/playbook/versions/{version}", "/api/v1/admin/playbook/versions/key-areas-standard@1")
                    .by(auditor).notByRole(officer).notByRole(partner)
                .call("PUT /api/v1/admin/playbook", "/api/v1/admin/playbook").by(commander)
                    .contentType("application/yaml").body("version: not-a-playbook\n")
                    .notByRole(operator).notByRole(auditor).notByRole(officer).notByRole(partner)
                .call("GET /api/v1/console/snapshot", "/api/v1/console/snapshot").by(operator)
                    .notByRole(officer).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/console/stream", "/api/v1/console/stream").by(auditor)
                    .notByRole(officer).notByRole(partner).notByRole(admin)
                .matrix()
                .platformOperations(incident, officer, health)
                .verify();
    }

    /** A pending proposal: a small surge of rent grievances, as grievance-service announces it. */
    private static String proposal() {
        String cluster = "cls-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<String> grievances = IntStream.range(0, 4).mapToObj(n -> "grv-" + cluster + "-" + n).toList();
        EventEnvelope surge = EventEnvelope.of(UUID.randomUUID().toString(), now, new GrievanceSurgeDetected(cluster, 1,
                "commercial-dispute", "rent-increase", "330108", new GeoPoint(30.2084, 120.2119), 300, grievances, 4,
                now.minusSeconds(1800), now, now), null, null);
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(Topics.GRIEVANCE_EVENTS, surge.partitionKey(), surge));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.hq().get("/api/v1/incident-proposals").then()
                .body("clusterId", hasItem(cluster)));
        return As.hq().get("/api/v1/incident-proposals").then().extract().path("find { it.clusterId == '" + cluster + "' }.id");
    }
}
