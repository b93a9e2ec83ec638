package io.liandong.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.LocalIdentity;
import io.liandong.platform.testing.As;
import io.liandong.platform.testing.AuthorizationMatrix;
import io.liandong.platform.testing.AuthorizationMatrix.Who;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CallerTest {

    @Inject
    JWTParser parser;

    @Test
    void requestsAreAuthenticatedThroughTheVerificationsThisServiceRemembers() {
        // MpJwtValidator takes the JWTParser bean: VerifiedTokens, which verifies with smallrye-jwt's own parser.
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
    }

    private static final String THING = "/fixture/secured/agencies/commerce-bureau/things/t-1";

    @Test
    void theCallerComesFromTheToken() {
        As.bearer(Devstack.identity().tokenFor("commerce-bureau", Roles.AGENCY_OFFICER).subject("zhang-wei").sign())
                .get(THING)
                .then().statusCode(200)
                .body("callerAgency", equalTo("commerce-bureau"))
                .body("callerSubject", equalTo("zhang-wei"))
                .body("hq", equalTo(false));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJsonWithABearerChallenge() {
        given().get(THING)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:liandong:problem:unauthorized"))
                .body("instance", equalTo(THING));
    }

    @Test
    void everyBadTokenIs401ProblemJson() throws Exception {
        LocalIdentity identity = Devstack.identity();
        LocalIdentity stranger = LocalIdentity.in(Files.createTempDirectory("stranger-identity"));
        String[] bad = {
            identity.tokenFor("commerce-bureau", Roles.AGENCY_OFFICER).expiresAt(Instant.now().minusSeconds(3600)).sign(),
            identity.tokenFor("commerce-bureau", Roles.AGENCY_OFFICER).issuer("https://identity.elsewhere.example").sign(),
            identity.tokenFor("commerce-bureau", Roles.AGENCY_OFFICER).audience("another-application").sign(),
            identity.tokenFor("commerce-bureau", Roles.AGENCY_OFFICER).unsigned(),
            stranger.token("commerce-bureau", Roles.AGENCY_OFFICER),
            "not-a-token",
        };
        for (String token : bad) {
            As.bearer(token).get(THING)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:liandong:problem:unauthorized"));
        }
    }

    @Test
    void theWrongRoleIs403ProblemJson() {
        As.partner("commerce-bureau").get(THING)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:forbidden"));
    }

    @Test
    void anotherAgencysObjectIsUnknownNotForbidden() {
        As.agency("health-commission").get(THING)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:not-found"));
    }

    @Test
    void hqRolesSeeEveryAgencysObjectsButDoNotActForThem() {
        As.operator().get(THING).then().statusCode(200).body("hq", equalTo(true));
        As.auditor().get(THING).then().statusCode(200);
        As.hq().contentType("application/json").post(THING + "/acknowledge").then().statusCode(403).contentType("application/problem+json");
        As.agency("commerce-bureau").contentType("application/json").post(THING + "/acknowledge").then().statusCode(200);
    }

    @Test
    void anEndpointThatNamesNoCallerIsRefusedToEveryone() {
        given().get("/fixture/unguarded")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:unauthorized"));
        As.hq().get("/fixture/unguarded")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:forbidden"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theMatrixFailsForAForgottenOperationAndForAnEndpointThatIgnoresTheAgency() {
        var matrix = AuthorizationMatrix.forService();
        matrix.call("GET /fixture/secured/agencies/{agencyId}/things/{id}", THING)
                .by(Who.of("commerce-bureau", Roles.AGENCY_OFFICER))
                .notByAgency(Who.of("health-commission", Roles.AGENCY_OFFICER))
                .notByRole(Who.of("commerce-bureau", Roles.PARTNER_INTAKE))
                .call("POST /fixture/secured/agencies/{agencyId}/things/{id}/acknowledge", THING + "/acknowledge")
                .by(Who.of("commerce-bureau", Roles.AGENCY_LEAD))
                .notByAgency(Who.of("health-commission", Roles.AGENCY_LEAD))
                .notByRole(Who.of("city-command-hq", Roles.AUDITOR))
                .call("PUT /fixture/secured/playbook", "/fixture/secured/playbook").body("\"version: 2\"")
                .by(Who.of("city-command-hq", Roles.HQ_COMMANDER))
                .notByRole(Who.of("city-command-hq", Roles.HQ_OPERATOR))
                .notByRole(Who.of("city-command-hq", Roles.AUDITOR))
                .call("GET /fixture/secured/leaky/agencies/{agencyId}/things/{id}",
                        "/fixture/secured/leaky/agencies/commerce-bureau/things/t-1")
                .by(Who.of("commerce-bureau", Roles.AGENCY_OFFICER))
                .notByAgency(Who.of("health-commission", Roles.AGENCY_OFFICER))
                .notByRole(Who.of("commerce-bureau", Roles.PARTNER_INTAKE));

        assertThatThrownBy(matrix::verify)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("2 authorization failures")
                .hasMessageContaining("operations without an entry in the authorization table: [")
                .hasMessageContaining("GET /fixture/boom")
                .hasMessageContaining("GET /api/v1/incidents/{incidentId}/timeline")
                .hasMessageContaining("GET /fixture/secured/leaky/agencies/{agencyId}/things/{id} by the wrong agency"
                        + " health-commission [agency-officer]: 200");
        // Per entry: six bad tokens, each wrong caller, the right caller.
        assertThat(matrix.calls()).isEqualTo((6 + 2 + 1) + (6 + 2 + 1) + (6 + 2 + 1) + (6 + 2 + 1));
    }
}
