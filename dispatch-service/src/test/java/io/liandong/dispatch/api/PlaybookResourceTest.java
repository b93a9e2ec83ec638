package io.liandong.dispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.dispatch.support.Api;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class PlaybookResourceTest {

    static final String ADMIN = "/api/v1/admin/playbook";
    static final String YAML = "application/yaml; charset=UTF-8";

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theStandardRunsAndABadReplacementIsRefusedWithEveryErrorWhileItKeepsRunning() {
        String standard = As.hq().accept("application/yaml").get(ADMIN).then().statusCode(200)
                .body(containsString("key-areas-standard@1")).extract().asString();
        As.hq().accept("application/json").get(ADMIN).then().statusCode(200)
                .body("version.version", equalTo("key-areas-standard@1"))
                .body("playbook.goldenPeriod", equalTo("PT10M"))
                .body("playbook.roles.police.onSceneWithin", equalTo("PT5M"));

        String bad = standard.replace("version: key-areas-standard@1", "version: key-areas-standard@bad")
                .replace("goldenPeriod: PT10M", "goldenPeriod: soon")
                .replace("warningThresholds: [50, 80]", "warningThresholds: [80, 50]")
                .replace("    role: health-commission\n", "    role: ambulance-service\n");
        As.hq().contentType(YAML).body(bytes(bad)).put(ADMIN).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("goldenPeriod", "warningThresholds[1]"))
                .body("errors.message", hasItem(containsString("ambulance-service")));
        As.hq().contentType(YAML).body(bytes("version: [")).put(ADMIN).then().statusCode(422);
        As.hq().contentType(YAML).body(bytes("")).put(ADMIN).then().statusCode(400);
        As.hq().accept("application/json").get(ADMIN).then().body("version.version", equalTo("key-areas-standard@1"));
    }

    @Test
    void aGoodReplacementRunsForNewIncidentsAndEachIncidentKeepsItsVersion() {
        String standard = As.hq().accept("application/yaml").get(ADMIN).then().extract().asString();
        String before = Api.report();
        String faster = standard.replace("version: key-areas-standard@1", "version: key-areas-standard@1/faster-police")
                .replace("    acknowledgeWithin: PT2M\n    onSceneWithin: PT5M\n", "    acknowledgeWithin: PT1M\n    onSceneWithin: PT3M\n")
                .replace("goldenPeriod: PT10M", "goldenPeriod: PT8M");
        try {
            As.hq().contentType(YAML).body(bytes(faster)).queryParam("loadedBy", "hq-admin-01").put(ADMIN)
                    .then().statusCode(200).body("version.version", equalTo("key-areas-standard@1/faster-police"))
                    .body("version.loadedBy", equalTo("hq-admin-01"));
            // A version number is never reused for other content.
            As.hq().contentType(YAML).body(bytes(faster.replace("PT3M", "PT4M"))).put(ADMIN).then().statusCode(409);

            String after = Api.report();
            As.hq().get("/api/v1/incidents/" + after).then().body("playbookVersion", equalTo("key-areas-standard@1/faster-police"));
            As.hq().get("/api/v1/incidents/" + after + "/performance").then()
                    .body("responses.find { it.agencyRole == 'police' }.onSceneLimit", equalTo("PT3M"));
            As.hq().get("/api/v1/incidents/" + before).then().body("playbookVersion", equalTo("key-areas-standard@1"));
            As.hq().get("/api/v1/incidents/" + before + "/performance").then()
                    .body("responses.find { it.agencyRole == 'police' }.onSceneLimit", equalTo("PT5M"));
            // Each report tells the other services the golden period of its own version (followup's review holds
            // scene control against it).
            String reported = "events.find { it.type == 'io.liandong.incident.reported.v1' }.data.goldenPeriod";
            As.hq().get("/api/v1/incidents/" + after + "/timeline").then().body(reported, equalTo("PT8M"));
            As.hq().get("/api/v1/incidents/" + before + "/timeline").then().body(reported, equalTo("PT10M"));
            // The version the earlier incident followed stays readable, as it was loaded, beside the running one.
            As.hq().get(ADMIN + "/versions/key-areas-standard@1").then().statusCode(200)
                    .body("version.active", equalTo(false))
                    .body("playbook.roles.police.onSceneWithin", equalTo("PT5M"));
            assertThat(As.hq().accept("application/yaml").get(ADMIN + "/versions/key-areas-standard@1").then()
                    .statusCode(200).extract().asString()).isEqualTo(standard);
            As.hq().get(ADMIN + "/versions/key-areas-standard@1/faster-police").then().statusCode(200)
                    .body("version.active", equalTo(true)).body("playbook.goldenPeriod", equalTo("PT8M"));
            As.hq().get(ADMIN + "/versions/key-areas-standard@99").then().statusCode(404)
                    .contentType("application/problem+json");
            As.hq().get(ADMIN + "/versions").then().statusCode(200)
                    .body("size()", greaterThanOrEqualTo(2))
                    .body("find { it.active }.version", equalTo("key-areas-standard@1/faster-police"));
        } finally {
            // The other tests of this application expect the standard.
            As.hq().contentType(YAML).body(bytes(standard)).put(ADMIN).then().statusCode(200)
                    .body("version.version", equalTo("key-areas-standard@1"));
        }
    }
}
