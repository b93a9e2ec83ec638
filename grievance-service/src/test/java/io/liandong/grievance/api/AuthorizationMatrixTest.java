package io.liandong.grievance.api;

import static org.hamcrest.Matchers.equalTo;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.security.Roles;
import io.liandong.platform.testing.As;
import io.liandong.platform.testing.AuthorizationMatrix;
import io.liandong.platform.testing.AuthorizationMatrix.Who;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every operation of grievance-service's OpenAPI document, called by the right caller and by every wrong one. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AuthorizationMatrixTest {

    private static final String OPEN311 = "Open311: the partner's api_key decides, not a bearer token";

    @Test
    void everyOperationAdmitsOnlyTheCallersItsRulesName() {
        // A shop-rent grievance is the commerce bureau's; the labour bureau must not learn it exists.
        String id = GrievanceResourceTest.file(GrievanceResourceTest.grievance(GrievanceResourceTest.somewhere(), 30.2, 120.2));
        String incident = "inc-" + UUID.randomUUID();
        As.hq().contentType(ContentType.JSON).body("{\"incidentId\": \"" + incident + "\", \"linkedBy\": \"hq-op\"}")
                .post("/api/v1/grievances/" + id + "/link").then().statusCode(200).body("incidentId", equalTo(incident));
        String g = "/api/v1/grievances/" + id;

        Who commerce = Who.of("commerce-bureau", Roles.AGENCY_OFFICER);
        Who commerceLead = Who.of("commerce-bureau", Roles.AGENCY_LEAD);
        Who labour = Who.of("labour-bureau", Roles.AGENCY_OFFICER);
        Who partner = Who.of("binjiang-merchants-app", Roles.PARTNER_INTAKE);
        Who operator = Who.of(As.HQ_AGENCY, Roles.HQ_OPERATOR);
        Who auditor = Who.of(As.HQ_AGENCY, Roles.AUDITOR);
        Who admin = Who.of(As.HQ_AGENCY, Roles.PLATFORM_ADMIN);
        Who commander = Who.of(As.HQ_AGENCY, Roles.HQ_COMMANDER);

        // The Open311 partners' key store, administered by the platform: one partner and its first key.
        String partnerId = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        String p = "/api/v1/open311-partners/" + partnerId;
        String key = AuthorizationMatrix.operations().contains("POST /api/v1/open311-partners")
                ? As.person(As.HQ_AGENCY, Roles.PLATFORM_ADMIN).contentType(ContentType.JSON)
                        .body("{\"id\": \"" + partnerId + "\", \"name\": \"Matrix partner\"}")
                        .post("/api/v1/open311-partners").then().statusCode(201).extract().path("keyId")
                : "none";

        AuthorizationMatrix.forService()
                .call("GET /api/v1/categories", "/api/v1/categories").by(partner).anyRole()
                .call("GET /api/v1/categories/{code}", "/api/v1/categories/shop-rent").by(commerce).anyRole()
                .call("POST /api/v1/grievances", "/api/v1/grievances").by(partner)
                    .body(GrievanceResourceTest.grievance("330108", 30.2, 120.2))
                    .notByRole(commerce).notByRole(auditor).notByRole(admin)
                .call("GET /api/v1/grievances", "/api/v1/grievances").by(auditor)
                    .notByRole(commerce).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/grievances/{id}", g).by(commerce)
                    .notByAgency(labour).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/grievances/{id}/contact", g + "/contact").by(commerceLead)
                    .notByAgency(labour).notByRole(auditor).notByRole(partner).notByRole(admin)
                .call("POST /api/v1/grievances/{id}/triage", g + "/triage").by(commerce)
                    .body("{\"priority\": \"high\", \"triagedBy\": \"li-na\"}")
                    .notByAgency(labour).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/grievances/{id}/link", g + "/link").by(operator)
                    .body("{\"incidentId\": \"" + incident + "\", \"linkedBy\": \"hq-op\"}")
                    .notByAgency(labour).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/grievances/{id}/resolve", g + "/resolve").by(commerceLead)
                    .body("{\"reason\": \"phased increase agreed\", \"closedBy\": \"li-na\"}")
                    .notByAgency(labour).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/grievances/{id}/close", g + "/close").by(commerce)
                    .body("{\"reason\": \"duplicate\", \"closedBy\": \"li-na\"}")
                    .notByAgency(Who.of("labour-bureau", Roles.AGENCY_LEAD)).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/grievances/{id}/reopen", g + "/reopen").by(partner)
                    .body("{\"reason\": \"the increase came anyway\", \"reopenedBy\": \"complainant\"}")
                    .notByRole(commerce).notByRole(auditor).notByRole(admin)
                .call("GET /open311/v2/discovery.{format}", "/open311/v2/discovery.json").by(partner).publicBecause(OPEN311)
                .call("GET /open311/v2/services.{format}", "/open311/v2/services.json").by(partner).publicBecause(OPEN311)
                .call("GET /open311/v2/services/{code}.{format}", "/open311/v2/services/shop-rent.json").by(partner)
                    .publicBecause(OPEN311)
                .call("POST /open311/v2/requests.{format}", "/open311/v2/requests.json").by(partner)
                    .contentType("application/x-www-form-urlencoded").body("service_code=shop-rent&description=x")
                    .publicBecause(OPEN311)
                .call("GET /open311/v2/requests.{format}", "/open311/v2/requests.json").by(partner).publicBecause(OPEN311)
                .call("GET /open311/v2/requests/{id}.{format}", "/open311/v2/requests/" + id + ".json").by(partner)
                    .publicBecause(OPEN311)
                .call("GET /open311/v2/tokens/{token}.{format}", "/open311/v2/tokens/tok-none.json").by(partner)
                    .publicBecause(OPEN311)
                .call("GET /api/v1/open311-partners", "/api/v1/open311-partners").by(admin).whenDocumented()
                    .notByRole(commander).notByRole(auditor).notByRole(partner)
                .call("GET /api/v1/open311-partners/{id}", p).by(admin).whenDocumented()
                    .notByRole(operator).notByRole(commerce)
                .call("POST /api/v1/open311-partners", "/api/v1/open311-partners").by(admin).whenDocumented()
                    .body(() -> "{\"id\": \"matrix-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"name\": \"x\"}")
                    .notByRole(commander).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/open311-partners/{id}/keys", p + "/keys").by(admin).whenDocumented()
                    .notByRole(commander).notByRole(partner)
                .call("PUT /api/v1/open311-partners/{id}/limit", p + "/limit").by(admin).whenDocumented()
                    .body("{\"requestsPerMinute\": 120}")
                    .notByRole(operator).notByRole(auditor)
                .call("DELETE /api/v1/open311-partners/{id}/keys/{keyId}", p + "/keys/" + key).by(admin).whenDocumented()
                    .notByRole(commander).notByRole(partner)
                .call("DELETE /api/v1/open311-partners/{id}", p).by(admin).whenDocumented()
                    .notByRole(commander).notByRole(auditor).notByRole(commerce)
                .matrix()
                .platformOperations(incident, operator, commerce)
                .verify();
    }
}
