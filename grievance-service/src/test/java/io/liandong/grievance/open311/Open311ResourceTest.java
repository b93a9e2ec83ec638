package io.liandong.grievance.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.grievance.support.Db;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.liandong.platform.testing.As;

/**
 * GeoReport v2 conformance: every endpoint in both formats, requests shaped as Open311 clients send
 * them (form-encoded UTF-8, {@code attribute[code]=value}), errors as {@code errors/error} with code
 * and description.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class Open311ResourceTest {

    static final String KEY = "test-partner-key";
    static final String JURISDICTION = "hangzhou-binjiang.liandong.example";
    static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";

    /** As a client library sends it: application/x-www-form-urlencoded; charset=UTF-8, fields percent-encoded. */
    static RequestSpecification client() {
        return given().config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)
                                .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.URLENC)))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static RequestSpecification rentRequest() {
        return rentRequest("shop-rent");
    }

    static RequestSpecification rentRequest(String serviceCode) {
        return client()
                .formParam("api_key", KEY)
                .formParam("jurisdiction_id", JURISDICTION)
                .formParam("service_code", serviceCode)
                .formParam("lat", "30.2084")
                .formParam("long", "120.2119")
                .formParam("address_string", "滨江商圈管理处，商圈中心广场东侧")
                .formParam("description", "管理公司通知下月起租金一次性上调，商户们准备去管理处讨说法。")
                .formParam("first_name", "建国")
                .formParam("last_name", "陈")
                .formParam("phone", "13800001234")
                .formParam("media_url", "https://files.example.cn/rent-notice.jpg")
                .formParam("attribute[merchants_affected]", "40")
                .formParam("attribute[gathering_planned]", "yes");
    }

    static String post(String format) {
        var body = rentRequest().post("/open311/v2/requests." + format).then().statusCode(201);
        return format.equals("xml") ? body.extract().xmlPath().getString("service_requests.request.service_request_id")
                : body.extract().jsonPath().getString("[0].service_request_id");
    }

    // --- discovery, services, definitions

    @Test
    void discoveryInBothFormats() {
        given().get("/open311/v2/discovery.json").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].formats", hasItems("text/xml", "application/json"))
                .body("endpoints[0].url", containsString("/open311/v2"));
        given().get("/open311/v2/discovery.xml").then().statusCode(200)
                .contentType(startsWith("text/xml"))
                .body("discovery.endpoints.endpoint.specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("discovery.endpoints.endpoint.formats.format", hasItems("text/xml", "application/json"));
    }

    @Test
    void theServiceListInBothFormats() {
        given().get("/open311/v2/services.json?jurisdiction_id=" + JURISDICTION).then().statusCode(200)
                .body("service_code", hasItems("shop-rent", "unpaid-wages"))
                .body("find { it.service_code == 'shop-rent' }.metadata", equalTo(true))
                .body("find { it.service_code == 'shop-rent' }.type", equalTo("realtime"))
                .body("find { it.service_code == 'shop-rent' }.service_name", equalTo("商铺租金 (shop rent)"))
                .body("find { it.service_code == 'management-fee' }.metadata", equalTo(false));
        given().get("/open311/v2/services.xml").then().statusCode(200)
                .body("services.service.service_code", hasItems("shop-rent", "unpaid-wages"))
                .body("services.service.find { it.service_code == 'shop-rent' }.group", equalTo("商业纠纷 (commercial disputes)"));
    }

    @Test
    void aServiceDefinitionInBothFormats() {
        given().get("/open311/v2/services/shop-rent.json").then().statusCode(200)
                .body("service_code", equalTo("shop-rent"))
                .body("attributes.code", hasItems("merchants_affected", "gathering_planned"))
                .body("attributes.find { it.code == 'gathering_planned' }.datatype", equalTo("singlevaluelist"))
                .body("attributes.find { it.code == 'gathering_planned' }.values.key", hasItems("yes", "no"))
                .body("attributes[0].variable", equalTo(true));
        given().get("/open311/v2/services/shop-rent.xml").then().statusCode(200)
                .body("service_definition.service_code", equalTo("shop-rent"))
                .body("service_definition.attributes.attribute.code", hasItems("merchants_affected", "gathering_planned"))
                .body("service_definition.attributes.attribute.find { it.code == 'gathering_planned' }.values.value.key",
                        hasItems("yes", "no"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void anUnknownServiceCodeIsNotFound(String format) {
        error(given().get("/open311/v2/services/alien-landing." + format), format, 404);
    }

    // --- POST requests

    @Test
    void aPartnerPostsARequestInJsonWithChineseTextAndAttributes() {
        String id = rentRequest().post("/open311/v2/requests.json")
                .then().statusCode(201)
                .contentType(startsWith("application/json"))
                .body("[0].service_request_id", startsWith("grv-"))
                .body("[0].token", startsWith("tok-"))
                .body("[0].service_notice", containsString("commerce bureau"))
                .extract().jsonPath().getString("[0].service_request_id");

        As.hq().get("/api/v1/grievances/" + id).then().statusCode(200)
                .body("channel", equalTo("partner-app"))
                .body("partnerId", equalTo("binjiang-merchant-association"))
                .body("description", equalTo("管理公司通知下月起租金一次性上调，商户们准备去管理处讨说法。"))
                .body("place.address", equalTo("滨江商圈管理处，商圈中心广场东侧"))
                .body("place.areaCode", equalTo("330108"))
                .body("attributes.merchants_affected", equalTo("40"))
                .body("attributes.gathering_planned", equalTo("yes"))
                .body("attachmentUrls", hasItem("https://files.example.cn/rent-notice.jpg"));
        assertThat(Db.count("SELECT count(*) FROM complainant_contact WHERE grievance_id = ? AND name = '建国 陈'", id)).isOne();
    }

    @Test
    void aRetriedPostWithItsIdempotencyKeyFilesOnce() {
        String key = java.util.UUID.randomUUID().toString();
        String id = rentRequest().header("Idempotency-Key", key).post("/open311/v2/requests.json")
                .then().statusCode(201).extract().jsonPath().getString("[0].service_request_id");
        String footprint = Db.footprint();
        rentRequest().header("Idempotency-Key", key).post("/open311/v2/requests.json")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("[0].service_request_id", equalTo(id));
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    @Test
    void aPartnerPostsARequestInXml() {
        rentRequest().post("/open311/v2/requests.xml")
                .then().statusCode(201)
                .contentType(startsWith("text/xml"))
                .body("service_requests.request.service_request_id", startsWith("grv-"))
                .body("service_requests.request.token", startsWith("tok-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void aMissingOrUnknownApiKeyIsForbiddenAndStoresNothing(String format) {
        String footprint = Db.footprint();
        error(client().formParam("service_code", "shop-rent").formParam("lat", "30.2").formParam("long", "120.2")
                .post("/open311/v2/requests." + format), format, 403);
        error(client().formParam("api_key", "guessed").formParam("service_code", "shop-rent")
                .formParam("lat", "30.2").formParam("long", "120.2")
                .post("/open311/v2/requests." + format), format, 403);
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void badRequestsAreRefusedInOpen311sFormatAndStoreNothing(String format) {
        String footprint = Db.footprint();
        String path = "/open311/v2/requests." + format;
        error(rentRequest("alien-landing").post(path), format, 404);
        error(client().formParam("api_key", KEY).formParam("lat", "30.2").formParam("long", "120.2").post(path), format, 400);
        error(client().formParam("api_key", KEY).formParam("service_code", "shop-rent").post(path), format, 400);
        error(client().formParam("api_key", KEY).formParam("service_code", "shop-rent").formParam("lat", "95")
                .formParam("long", "120.2").post(path), format, 400);
        error(client().formParam("api_key", KEY).formParam("service_code", "shop-rent").formParam("lat", "north")
                .formParam("long", "120.2").post(path), format, 400);
        error(client().formParam("api_key", KEY).formParam("service_code", "shop-rent").formParam("lat", "30.2")
                .formParam("long", "120.2").formParam("attribute[merchants_affected]", "forty").post(path), format, 400)
                .body(containsString("attribute[merchants_affected]"));
        error(client().formParam("api_key", KEY).formParam("jurisdiction_id", "atlantis").formParam("service_code", "shop-rent")
                .formParam("lat", "30.2").formParam("long", "120.2").post(path), format, 404);
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    @Test
    void malformedFormDataIsRefused() {
        String footprint = Db.footprint();
        int status = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("api_key=" + KEY + "&service_code=shop-rent&lat=30.2&long=120.2&description=%E4%B8%Z")
                .post("/open311/v2/requests.json").then().extract().statusCode();
        assertThat(status).isEqualTo(400);
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    @Test
    void anOversizedRequestIsRefusedInOpen311sFormat() {
        String footprint = Db.footprint();
        error(rentRequest().formParam("description", "长".repeat(600_000)).post("/open311/v2/requests.xml"), "xml", 413);
        assertThat(Db.footprint()).isEqualTo(footprint);
    }

    // --- GET requests, one request, tokens

    @Test
    void requestsAreListedWithTheSpecificationsFieldsInBothFormats() {
        String id = post("json");
        given().get("/open311/v2/requests.json?service_request_id=" + id).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].service_request_id", equalTo(id))
                .body("[0].status", equalTo("open"))
                .body("[0].status_notes", containsString("commerce bureau"))
                .body("[0].service_code", equalTo("shop-rent"))
                .body("[0].service_name", equalTo("商铺租金 (shop rent)"))
                .body("[0].agency_responsible", equalTo("商务局 (commerce bureau)"))
                .body("[0].service_notice", notNullValue())
                .body("[0].requested_datetime", matchesPattern(DATETIME))
                .body("[0].updated_datetime", matchesPattern(DATETIME))
                .body("[0].address", equalTo("滨江商圈管理处，商圈中心广场东侧"))
                .body("[0].lat", equalTo(30.2084f))
                .body("[0].long", equalTo(120.2119f))
                .body("[0].media_url", equalTo("https://files.example.cn/rent-notice.jpg"))
                .body("[0]", org.hamcrest.Matchers.hasKey("expected_datetime"));
        given().get("/open311/v2/requests.xml?service_request_id=" + id).then().statusCode(200)
                .body("service_requests.request.service_request_id", equalTo(id))
                .body("service_requests.request.status", equalTo("open"))
                .body("service_requests.request.agency_responsible", equalTo("商务局 (commerce bureau)"))
                .body("service_requests.request.long", equalTo("120.2119"))
                .body("service_requests.request.expected_datetime", equalTo(""));
    }

    @Test
    void requestsAreFilteredByCodeStatusAndDates() {
        String open = post("json");
        String closed = post("json");
        As.hq().contentType("application/json").body("{\"reason\": \"已解决 (dealt with)\", \"closedBy\": \"commerce-bureau\"}")
                .post("/api/v1/grievances/" + closed + "/resolve").then().statusCode(200);

        List<String> openIds = given().get("/open311/v2/requests.json?service_code=shop-rent&status=open")
                .then().statusCode(200).extract().jsonPath().getList("service_request_id");
        assertThat(openIds).contains(open).doesNotContain(closed);
        given().get("/open311/v2/requests.json?service_request_id=" + closed).then()
                .body("[0].status", equalTo("closed")).body("[0].status_notes", equalTo("已解决 (dealt with)"));
        List<String> closedIds = given().queryParam("status", "closed").queryParam("service_code", "shop-rent,unpaid-wages")
                .get("/open311/v2/requests.xml").then().statusCode(200)
                .extract().xmlPath().getList("service_requests.request.service_request_id");
        assertThat(closedIds).contains(closed).doesNotContain(open);
        given().get("/open311/v2/requests.json?service_request_id=" + open + "," + closed).then().body("", hasSize(2));
        given().queryParam("end_date", "2001-01-01T00:00:00Z").get("/open311/v2/requests.json")
                .then().statusCode(200).body("", hasSize(0));
        given().queryParam("start_date", "2001-01-01T00:00:00+08:00").queryParam("end_date", "2099-01-01T00:00:00Z")
                .get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", hasItems(open, closed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void badListFiltersAreRefused(String format) {
        error(given().get("/open311/v2/requests." + format + "?status=sleeping"), format, 400);
        error(given().get("/open311/v2/requests." + format + "?start_date=yesterday"), format, 400);
        error(given().get("/open311/v2/requests." + format + "?start_date=2026-03-02T00:00:00Z&end_date=2026-03-01T00:00:00Z"), format, 400);
        error(given().get("/open311/v2/requests." + format + "?jurisdiction_id=atlantis"), format, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void oneRequestAndItsToken(String format) {
        var created = rentRequest().post("/open311/v2/requests.json").then().statusCode(201).extract().jsonPath();
        String id = created.getString("[0].service_request_id");
        String token = created.getString("[0].token");
        if (format.equals("json")) {
            given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                    .body("", hasSize(1)).body("[0].service_request_id", equalTo(id));
            given().get("/open311/v2/tokens/" + token + ".json").then().statusCode(200)
                    .body("[0].service_request_id", equalTo(id)).body("[0].token", equalTo(token));
        } else {
            given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200)
                    .body("service_requests.request.service_request_id", equalTo(id));
            given().get("/open311/v2/tokens/" + token + ".xml").then().statusCode(200)
                    .body("service_requests.request.service_request_id", equalTo(id))
                    .body("service_requests.request.token", equalTo(token));
        }
        error(given().get("/open311/v2/requests/grv-nope." + format), format, 404);
        error(given().get("/open311/v2/tokens/tok-nope." + format), format, 404);
    }

    /** Open311's error document: {@code [{"code", "description"}]} or {@code <errors><error><code/><description/>}. */
    static ValidatableResponse error(io.restassured.response.Response response, String format, int status) {
        ValidatableResponse then = response.then().statusCode(status);
        if (format.equals("xml")) {
            return then.contentType(startsWith("text/xml"))
                    .body("errors.error.code", equalTo(String.valueOf(status)))
                    .body("errors.error.description", notNullValue());
        }
        return then.contentType(startsWith("application/json"))
                .body("[0].code", equalTo(status))
                .body("[0].description", notNullValue());
    }
}
