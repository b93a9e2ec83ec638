package io.liandong.platform.testing;

import static io.restassured.RestAssured.given;

import io.liandong.devstack.Devstack;
import io.liandong.platform.security.Roles;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REST Assured requests made by someone: the one way the services' tests call their APIs. Each
 * carries an {@code Authorization: Bearer} token of the tests' identity provider
 * ({@code Devstack.identity()}), the same provider the application under test trusts.
 *
 * <pre>
 * As.hq().get("/api/v1/incidents")                          // the city command HQ's commander
 * As.agency("commerce-bureau").post(...)                    // an officer of the commerce bureau
 * As.person("commerce-bureau", Roles.AGENCY_LEAD).get(...)  // any agency and roles
 * </pre>
 */
public final class As {

    /** The agency id of the city command HQ. */
    public static final String HQ_AGENCY = "city-command-hq";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private As() {
    }

    /** The HQ's commander: sees everything and may change the playbook and the registry. */
    public static RequestSpecification hq() {
        return person(HQ_AGENCY, Roles.HQ_COMMANDER);
    }

    /** An HQ operator. */
    public static RequestSpecification operator() {
        return person(HQ_AGENCY, Roles.HQ_OPERATOR);
    }

    /** An auditor: reads everything, changes nothing. */
    public static RequestSpecification auditor() {
        return person(HQ_AGENCY, Roles.AUDITOR);
    }

    /** A duty officer of {@code agencyId}. */
    public static RequestSpecification agency(String agencyId) {
        return person(agencyId, Roles.AGENCY_OFFICER);
    }

    /** A partner's intake system. */
    public static RequestSpecification partner(String partnerId) {
        return person(partnerId, Roles.PARTNER_INTAKE);
    }

    public static RequestSpecification person(String agencyId, String... roles) {
        return bearer(token(agencyId, roles));
    }

    /** A request carrying exactly this token (expired, foreign, unsigned: whatever a test made). */
    public static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A valid token for {@code agencyId} with {@code roles}, made once per test JVM. */
    public static String token(String agencyId, String... roles) {
        return TOKENS.computeIfAbsent(agencyId + "|" + String.join(",", roles),
                k -> Devstack.identity().tokenFor(agencyId, roles).subject(agencyId + "-" + String.join("-", roles)).sign());
    }
}
