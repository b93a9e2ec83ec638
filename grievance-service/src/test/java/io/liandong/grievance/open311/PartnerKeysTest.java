package io.liandong.grievance.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Partners' api_keys: stored hashed, issued once, rotated with a grace period, revoked, each partner with its own limit. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class PartnerKeysTest {

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + Devstack.identity().token("city-command-hq", "platform-admin"));
    }

    /** Registers a partner; its first key. */
    private static Map<String, Object> register(String id, Integer perMinute) {
        return admin().contentType("application/json")
                .body(perMinute == null ? Map.of("id", id, "name", "伙伴 " + id) : Map.of("id", id, "name", "伙伴 " + id,
                        "requestsPerMinute", perMinute))
                .post("/api/v1/open311-partners")
                .then().statusCode(201)
                .body("partnerId", equalTo(id)).body("apiKey", notNullValue()).body("keyId", notNullValue())
                .extract().jsonPath().getMap("");
    }

    private static io.restassured.response.Response file(Object apiKey, String format) {
        // The fields of a typical partner's request, with this key (rentRequest() carries the test partner's).
        return Open311ResourceTest.client()
                .formParam("api_key", apiKey)
                .formParam("service_code", "shop-rent")
                .formParam("lat", "30.2084")
                .formParam("long", "120.2119")
                .formParam("description", "管理公司通知下月起租金一次性上调。")
                .formParam("phone", "13800001234")
                .post("/open311/v2/requests." + format);
    }

    private static String newId() {
        return "partner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aKeyIsIssuedOnceAndStoredOnlyAsItsHash() {
        String id = newId();
        Map<String, Object> issued = register(id, null);
        String key = (String) issued.get("apiKey");

        file(key, "json").then().statusCode(201);

        assertThat(Rows.count("SELECT count(*) FROM open311_partner_key WHERE partner_id = ? AND key_hash = ?", id,
                PartnerKeys.sha256(key))).isEqualTo(1);
        assertThat(Rows.count("SELECT count(*) FROM open311_partner_key WHERE key_hash LIKE ?", "%" + key + "%")).isZero();
        admin().get("/api/v1/open311-partners/" + id).then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].keyId", equalTo(issued.get("keyId")))
                .body(org.hamcrest.Matchers.not(containsString(key)));
    }

    @Test
    void theConfiguredKeysAreTheSeed() {
        admin().get("/api/v1/open311-partners").then().statusCode(200)
                .body("id", hasItem("binjiang-merchant-association"));
        file(Open311ResourceTest.KEY, "json").then().statusCode(201);
    }

    @Test
    void aRevokedKeyIsRefusedInOpen311sFormat() {
        String id = newId();
        Map<String, Object> issued = register(id, null);
        file(issued.get("apiKey"), "json").then().statusCode(201);

        admin().delete("/api/v1/open311-partners/" + id + "/keys/" + issued.get("keyId")).then().statusCode(204);

        Open311ResourceTest.error(file(issued.get("apiKey"), "json"), "json", 403)
                .body("[0].description", equalTo("api_key is not valid"));
        Open311ResourceTest.error(file(issued.get("apiKey"), "xml"), "xml", 403);
    }

    @Test
    void aRevokedPartnerIsRefusedWhateverItsKey() {
        String id = newId();
        Map<String, Object> issued = register(id, null);
        admin().delete("/api/v1/open311-partners/" + id).then().statusCode(204);

        Open311ResourceTest.error(file(issued.get("apiKey"), "json"), "json", 403);
        admin().post("/api/v1/open311-partners/" + id + "/keys").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRotatedKeyWorksAndTheOldOneKeepsWorkingForTheGracePeriod() {
        String id = newId();
        String first = (String) register(id, null).get("apiKey");

        String second = admin().post("/api/v1/open311-partners/" + id + "/keys")
                .then().statusCode(201).extract().path("apiKey");
        file(second, "json").then().statusCode(201);
        file(first, "json").then().statusCode(201);
        admin().get("/api/v1/open311-partners/" + id).then()
                .body("keys", hasSize(2))
                .body("keys[0].expiresAt", notNullValue())
                .body("keys[1].expiresAt", nullValue());

        // A rotation with no grace ends every older key at once.
        String third = admin().queryParam("grace", "PT0S").post("/api/v1/open311-partners/" + id + "/keys")
                .then().statusCode(201).extract().path("apiKey");
        file(third, "json").then().statusCode(201);
        Open311ResourceTest.error(file(second, "json"), "json", 403);
        Open311ResourceTest.error(file(first, "json"), "json", 403);
    }

    @Test
    void eachPartnerHasItsOwnRateLimit() {
        String slow = newId();
        String key = (String) register(slow, 2).get("apiKey");
        String other = (String) register(newId(), null).get("apiKey");

        file(key, "json").then().statusCode(201);
        file(key, "json").then().statusCode(201);
        file(key, "json").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType(startsWith("application/json"))
                .body("[0].code", equalTo(429))
                .body("[0].description", containsString(slow));
        file(key, "xml").then().statusCode(429).contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("429"));
        file(other, "json").then().statusCode(201);

        // Raised by an administrator, the limit applies at once.
        admin().contentType("application/json").body(Map.of("requestsPerMinute", 100))
                .put("/api/v1/open311-partners/" + slow + "/limit")
                .then().statusCode(200).body("requestsPerMinute", equalTo(100));
        file(key, "json").then().statusCode(201);
    }

    @Test
    void theAuditTrailNamesThePartnerThatFiled() {
        String id = newId();
        String key = (String) register(id, null).get("apiKey");
        String grievance = file(key, "json").then().statusCode(201).extract().path("[0].service_request_id");

        assertThat(Rows.string("SELECT actor || ' ' || actor_kind FROM audit_record WHERE subjects LIKE ?", "%" + grievance + "%"))
                .isEqualTo(id + " open311-partner");
    }

    @Test
    void onlyAPlatformAdministratorManagesPartners() {
        given().header("Authorization", "Bearer " + Devstack.identity().token("city-command-hq", "hq-commander"))
                .get("/api/v1/open311-partners").then().statusCode(403);
        given().get("/api/v1/open311-partners").then().statusCode(401);
        admin().contentType("application/json").body(Map.of("id", "Not An Id", "name", "x"))
                .post("/api/v1/open311-partners")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }
}
