package io.liandong.followup.api;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.followup.support.Resolutions;
import io.liandong.platform.security.Roles;
import io.liandong.platform.testing.As;
import io.liandong.platform.testing.AuthorizationMatrix;
import io.liandong.platform.testing.AuthorizationMatrix.Who;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every operation of followup-service's OpenAPI document, called by the right caller and by every wrong one. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AuthorizationMatrixTest {

    @Inject
    MovableClock clock;

    @Test
    void everyOperationAdmitsOnlyTheCallersItsRulesName() {
        // An agreement whose four commitments one bureau carries out, made to the merchants.
        String agency = "bureau-" + UUID.randomUUID().toString().substring(0, 8);
        String incident = "inc-" + UUID.randomUUID();
        String item = Resolutions.agreed(incident, agency, clock.instant()).get(0);
        String it = "/api/v1/followup-items/" + item;

        Who officer = Who.of(agency, Roles.AGENCY_OFFICER);
        Who lead = Who.of(agency, Roles.AGENCY_LEAD);
        Who other = Who.of("labour-bureau", Roles.AGENCY_OFFICER);
        Who otherLead = Who.of("labour-bureau", Roles.AGENCY_LEAD);
        Who partner = Who.of("binjiang-merchants-app", Roles.PARTNER_INTAKE);
        Who operator = Who.of(As.HQ_AGENCY, Roles.HQ_OPERATOR);
        Who auditor = Who.of(As.HQ_AGENCY, Roles.AUDITOR);
        Who admin = Who.of(As.HQ_AGENCY, Roles.PLATFORM_ADMIN);
        String verify = "{\"beneficiaryId\": \"binjiang-merchants\", \"note\": \"confirmed\"}";

        AuthorizationMatrix.forService()
                .call("GET /api/v1/followup-board", "/api/v1/followup-board").by(auditor)
                    .notByRole(officer).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/incidents/{incidentId}/review", "/api/v1/incidents/" + incident + "/review").by(officer)
                    .notByAgency(other).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/incidents/{incidentId}/followup-plans", "/api/v1/incidents/" + incident + "/followup-plans")
                    .by(lead).notByAgency(otherLead).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/agencies/{agencyId}/followup-items", "/api/v1/agencies/" + agency + "/followup-items")
                    .by(officer).notByAgency(other).notByRole(partner).notByRole(admin)
                .call("GET /api/v1/followup-items/{itemId}", it).by(officer)
                    .notByAgency(other).notByRole(admin)
                .call("POST /api/v1/followup-items/{itemId}/start", it + "/start").by(officer)
                    .notByAgency(other).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/followup-items/{itemId}/done", it + "/done").by(lead)
                    .body("{\"note\": \"addenda signed\", \"evidenceUrls\": [\"https://files.example.org/addenda.pdf\"]}")
                    .notByAgency(otherLead).notByRole(operator).notByRole(auditor).notByRole(partner)
                .call("POST /api/v1/followup-items/{itemId}/verify", it + "/verify").by(partner).body(verify)
                    .notByRole(auditor).notByRole(admin)
                .call("POST /api/v1/followup-items/{itemId}/dispute", it + "/dispute").by(partner)
                    .body("{\"beneficiaryId\": \"binjiang-merchants\", \"reason\": \"the fee was not cut\"}")
                    .notByRole(auditor).notByRole(admin)
                .matrix()
                .platformOperations(incident, officer, other)
                .verify();
    }
}
