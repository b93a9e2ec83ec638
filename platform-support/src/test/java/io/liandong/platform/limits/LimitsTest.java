package io.liandong.platform.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class LimitsTest {

    @Test
    void aBodyOverTheLimitIsRefusedAsAProblemBeforeItIsRead() {
        String id = "note-" + UUID.randomUUID();
        byte[] body = new byte[1_048_577];
        Arrays.fill(body, (byte) 'a');
        given().contentType(ContentType.JSON).body(body)
                .post("/fixture/audited/notes/" + id)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:body-too-large"))
                .body("detail", containsString("1048576"));

        org.assertj.core.api.Assertions.assertThat(Rows.count("SELECT count(*) FROM fixture_note WHERE id = ?", id)).isZero();
    }

    @Test
    void aBodyWithoutALengthOverTheCeilingIsAProblemToo() {
        byte[] body = new byte[3 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        // A stream is sent chunked: no Content-Length, so only Vert.x's ceiling (2M here) can stop it.
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(body))
                .post("/fixture/reports")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:body-too-large"));
    }

    @Test
    void aCallerOverItsRateIsToldWhenToComeBack() {
        String token = "Bearer " + Devstack.identity().tokenFor("commerce-bureau", "agency-officer")
                .subject("rate-limited-person").sign();
        // The burst is 2; the third request within the same moment is one too many.
        given().header("Authorization", token).get("/fixture/things/t-1").then().statusCode(404);
        given().header("Authorization", token).get("/fixture/things/t-1").then().statusCode(404);
        given().header("Authorization", token).get("/fixture/things/t-1")
                .then().statusCode(429)
                .header("Retry-After", equalTo("100"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:too-many-requests"))
                .body("detail", containsString("rate-limited-person"));

        // Another caller is not affected.
        given().header("Authorization", "Bearer " + Devstack.identity().token("commerce-bureau", "agency-officer"))
                .get("/fixture/things/t-1").then().statusCode(404);
    }

    @Test
    void anUnknownJsonFieldIsRejectedAndNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"commercial-dispute\",\"place\":{\"lat\":30.2,\"lon\":120.2,\"alt\":9},\"crowdSize\":4}")
                .post("/fixture/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:malformed-body"))
                .body("errors[0].field", equalTo("place.alt"));
    }
}
