package io.liandong.department.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.liandong.department.support.Db;
import io.liandong.devstack.DevstackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AgencyResourceTest {

    static final String BODY = """
            {"name": "%s", "role": "community-committee", "areas": ["330108004"],
             "onDuty": {"name": "张敏", "title": "community director", "contacts": [{"channel": "phone", "value": "+86 571 8700 0604"}]},
             "updatedBy": "admin-01"}""";

    @Test
    void theRegistryHoldsTheCitysAgenciesWithWhoIsOnDutyAndTheIdsTheHqAssigns() {
        As.hq().get("/api/v1/agencies").then().statusCode(200)
                .body("id", hasItems("city-command-hq", "police-public-order-detachment", "police-binjiang-branch", "commerce-bureau",
                        "labour-bureau", "civil-affairs-bureau", "health-commission", "community-binjiang-xixing",
                        "community-city-office"));
        As.hq().queryParam("role", "competent-department").get("/api/v1/agencies").then()
                .body("role", not(hasItem("police")));
        As.hq().get("/api/v1/agencies/commerce-bureau").then().statusCode(200).header("ETag", "\"0\"")
                .body("onDuty.name", equalTo("刘明")).body("onDuty.contacts.channel", hasItem("phone"))
                .body("competentFor", hasItem("rent-increase"));
        As.hq().get("/api/v1/agencies/ministry-of-magic").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void routingResolvesTheCompetentDepartmentByDisputeAndTheCommunityByArea() {
        As.hq().queryParam("role", "competent-department").queryParam("disputeType", "rent-increase")
                .get("/api/v1/agency-routing").then().statusCode(200).body("id", equalTo("commerce-bureau"));
        As.hq().queryParam("role", "competent-department").queryParam("incidentType", "wage-dispute")
                .get("/api/v1/agency-routing").then().body("id", equalTo("labour-bureau"));
        As.hq().queryParam("role", "community-committee").queryParam("areaCode", "330108002001")
                .get("/api/v1/agency-routing").then().body("id", equalTo("community-binhe"));
        As.hq().queryParam("role", "community-committee").queryParam("areaCode", "330199")
                .get("/api/v1/agency-routing").then().body("id", equalTo("community-city-office"));
        As.hq().queryParam("role", "competent-department").queryParam("disputeType", "alien-landing")
                .get("/api/v1/agency-routing").then().statusCode(404);
        As.hq().get("/api/v1/agency-routing").then().statusCode(422).body("errors[0].field", equalTo("role"));
    }

    @Test
    void anAdminAddsAndReplacesAnAgencyWithItsCurrentETag() {
        String id = "community-test-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/admin/agencies/" + id;
        As.hq().contentType(ContentType.JSON).body(BODY.formatted("新社区")).put(path).then().statusCode(201)
                .header("Location", containsString("/api/v1/agencies/" + id)).header("ETag", "\"0\"");
        As.hq().contentType(ContentType.JSON).body(BODY.formatted("改名")).put(path).then().statusCode(428);
        As.hq().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(BODY.formatted("改名")).put(path).then().statusCode(412);
        As.hq().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(BODY.formatted("改名")).put(path).then()
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("改名"));
        As.hq().get("/api/v1/agencies/" + id).then().body("name", equalTo("改名")).body("updatedBy", equalTo("admin-01"));
    }

    @Test
    void aBadEntryIsRefusedNamingEachFieldAndChangesNothing() {
        String before = Db.snapshot();
        As.hq().contentType(ContentType.JSON).body(BODY.formatted("x").replace("330108004", "33x")
                        .replace("\"phone\"", "\"pigeon\"")).put("/api/v1/admin/agencies/commerce-bureau-2")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("areas[0]", "onDuty.contacts[0].channel"));
        As.hq().contentType(ContentType.JSON).body(BODY.formatted("x")).put("/api/v1/admin/agencies/Not An Id")
                .then().statusCode(422).body("errors.field", hasItem("id"));
        As.hq().contentType(ContentType.JSON).body("{\"name\": \"x\", \"role\": \"police\", \"updatedBy\": \"a\"}")
                .put("/api/v1/admin/agencies/police-x").then().statusCode(400).body("errors.field", hasItem("onDuty"));
        As.hq().contentType(ContentType.JSON).body(BODY.formatted("x").replace("\"updatedBy\"", "\"colour\": 1, \"updatedBy\""))
                .put("/api/v1/admin/agencies/police-x").then().statusCode(400);
        assertThat(Db.snapshot()).isEqualTo(before);
    }
}
