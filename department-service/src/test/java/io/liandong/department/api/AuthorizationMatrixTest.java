package io.liandong.department.api;

import static org.awaitility.Awaitility.await;

import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.department.support.Binjiang;
import io.liandong.department.support.Dispatch;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.security.Roles;
import io.liandong.platform.testing.As;
import io.liandong.platform.testing.AuthorizationMatrix;
import io.liandong.platform.testing.AuthorizationMatrix.Who;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every operation of department-service's OpenAPI document, called by the right caller and by every wrong one. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AuthorizationMatrixTest {

    private static final String BUREAU = "commerce-bureau";

    @Test
    void everyOperationAdmitsOnlyTheCallersItsRulesName() {
        String incident = "inc-" + UUID.randomUUID();
        Dispatch.send(Dispatch.binjiang(incident, "330108"));
        AssignmentCreated created = Dispatch.assignment(incident, "competent-department", BUREAU);
        Dispatch.send(created);
        String a = "/api/v1/agencies/" + BUREAU + "/assignments/" + created.assignmentId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.agency(BUREAU).get(a).then().statusCode(200));
        String m = "/api/v1/mediations/" + As.agency(BUREAU).contentType(ContentType.JSON)
                .body("{\"incidentId\": \"" + incident + "\", \"openedBy\": \"liu-ming\"}")
                .post("/api/v1/mediations").then().statusCode(201).extract().path("id");
        String proposal = As.agency(BUREAU).contentType(ContentType.JSON).body(Binjiang.PROPOSAL).post(m + "/proposals")
                .then().statusCode(201).extract().path("id");

        Who officer = Who.of(BUREAU, Roles.AGENCY_OFFICER);
        Who lead = Who.of(BUREAU, Roles.AGENCY_LEAD);
        Who labour = Who.of("labour-bureau", Roles.AGENCY_OFFICER);
        Who labourLead = Who.of("labour-bureau", Roles.AGENCY_LEAD);
        Who partner = Who.of("binjiang-merchants-app", Roles.PARTNER_INTAKE);
        Who operator = Who.of(As.HQ_AGENCY, Roles.HQ_OPERATOR);
        Who auditor = Who.of(As.HQ_AGENCY, Roles.AUDITOR);
        Who admin = Who.of(As.HQ_AGENCY, Roles.PLATFORM_ADMIN);

        AuthorizationMatrix.forService()
                .call("GET /api/v1/agencies", "/api/v1/agencies").by(partner).anyRole()
                .call("GET /api/v1/agencies/{id}", "/api/v1/agencies/" + BUREAU).by(labour).anyRole()
                .call("GET /api/v1/agency-routing", "/api/v1/agency-routing?role=competent-department&disputeType=rent-increase")
                    .by(operator).anyRole()
                .call("PUT /api/v1/admin/agencies/{id}", "/api/v1/admin/agencies/community-matrix-" + UUID.randomUUID().toString().substring(0, 8))
                    .by(admin).body(AgencyResourceTest.BODY.formatted("矩阵社区"))
                    .notByRole(operator).notByRole(auditor).notByRole(lead).notByRole(partner)
                .call("GET /api/v1/agencies/{agencyId}/assignments", "/api/v1/agencies/" + BUREAU + "/assignments").by(officer)
                    .notByAgency(labour).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/agencies/{agencyId}/assignments/{assignmentId}", a).by(lead)
                    .notByAgency(labour).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/agencies/{agencyId}/assignments/{assignmentId}/acknowledge", a + "/acknowledge").by(officer)
                    .body("{\"acknowledgedBy\": \"duty\"}")
                    .notByAgency(labour).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/agencies/{agencyId}/assignments/{assignmentId}/en-route", a + "/en-route").by(officer)
                    .body("{\"reportedBy\": \"duty\"}")
                    .notByAgency(labourLead).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/agencies/{agencyId}/assignments/{assignmentId}/on-scene", a + "/on-scene").by(lead)
                    .body("{\"reportedBy\": \"duty\"}")
                    .notByAgency(labour).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/agencies/{agencyId}/assignments/{assignmentId}/release", a + "/release").by(lead)
                    .body("{\"releasedBy\": \"duty\"}")
                    .notByAgency(labour).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/agencies/{agencyId}/assignments/{assignmentId}/notes", a + "/notes").by(officer)
                    .body("{\"kind\": \"situation-report\", \"text\": \"两百人聚集 (two hundred gathered)\", \"authoredBy\": \"duty\"}")
                    .notByAgency(labour).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/agencies/{agencyId}/assignments/{assignmentId}/referrals", a + "/referrals").by(lead)
                    .body("{\"toAgencyId\": \"labour-bureau\", \"reason\": \"wages\", \"referredBy\": \"duty\"}")
                    .notByAgency(labourLead).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/mediations", "/api/v1/mediations").by(officer)
                    .body(() -> "{\"incidentId\": \"inc-" + UUID.randomUUID() + "\", \"openedBy\": \"liu-ming\"}")
                    .notByRole(operator).notByRole(auditor).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/mediations", "/api/v1/mediations?incidentId=" + incident).by(auditor)
                    .notByRole(partner).notByRole(admin)
                .call("GET /api/v1/mediations/{id}", m).by(officer)
                    .notByAgency(labour).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/mediations/{id}/sessions", m + "/sessions").by(lead).body(Binjiang.SESSION)
                    .notByAgency(labourLead).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/mediations/{id}/proposals", m + "/proposals").by(officer).body(Binjiang.PROPOSAL)
                    .notByAgency(labour).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/mediations/{id}/proposals/{proposalId}/answers", m + "/proposals/" + proposal + "/answers")
                    .by(officer).body("{\"partyId\": \"binjiang-merchants\", \"answer\": \"accept\"}")
                    .notByAgency(labour).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/mediations/{id}/agreement", m + "/agreement").by(lead).body(Binjiang.AGREEMENT)
                    .notByAgency(labourLead).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/mediations/{id}/failure", m + "/failure").by(lead).body("{\"reason\": \"walked out\"}")
                    .notByAgency(labour).notByRole(operator).notByRole(auditor).notByRole(partner)
                .matrix()
                .platformOperations(incident, officer, labour)
                .verify();
    }
}
