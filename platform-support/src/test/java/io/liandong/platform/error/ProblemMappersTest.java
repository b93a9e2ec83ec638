package io.liandong.platform.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.fixture.GoneCallerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ProblemMappersTest {

    @Test
    void aValidBodyIsAccepted() {
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"commercial-dispute\",\"place\":{\"lat\":30.2,\"lon\":120.2},\"crowdSize\":40}")
                .post("/fixture/reports")
                .then().statusCode(200).body("type", equalTo("commercial-dispute"));
    }

    @Test
    void validationErrorsNameEachField() {
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"\",\"place\":{\"lat\":95.0,\"lon\":120.2},\"crowdSize\":-3}")
                .post("/fixture/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/fixture/reports"))
                .body("errors.field", contains("crowdSize", "place.lat", "type"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"type\": \"commercial-dispute\", ")
                .post("/fixture/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:malformed-body"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"commercial-dispute\",\"place\":{\"lat\":\"north\",\"lon\":120.2}}")
                .post("/fixture/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("place.lat"));
    }

    @Test
    void anUnknownIdIsNotFound() {
        given().get("/fixture/things/t-404")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:not-found"))
                .body("detail", equalTo("no thing with id t-404"));
    }

    @Test
    void anIllegalStateChangeIsAConflict() {
        given().post("/fixture/things/t-1/close")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liandong:problem:illegal-state-change"));
    }

    @Test
    void aStaleVersionFailsThePrecondition() {
        given().post("/fixture/things/t-1/stale")
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("version 4, not 3"));
    }

    @Test
    void aBrokenRuleIsUnprocessableAndNamesTheField() {
        given().post("/fixture/things/t-1/rule")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().get("/fixture/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUnexpectedFailureShowsNoInternals() {
        given().get("/fixture/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", containsString("reference"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("IllegalArgumentException")));
    }

    @Test
    void aCallerWhoHungUpBeforeTheAnswerIsNoticedWithoutAnError() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            CountDownLatch arrived = GoneCallerResource.arrivedFromNowOn();
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.getOutputStream().write("GET /fixture/gone-caller HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertThat(arrived.await(30, TimeUnit.SECONDS)).as("the request is being answered").isTrue();
                socket.setSoLinger(true, 0);    // hang up at once
            }
            // whatever the mapper makes of it names the path: wait for that, then look at what it is
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> records.stream().anyMatch(r -> message(r).contains("/fixture/gone-caller")));
            assertThat(records).filteredOn(r -> message(r).contains("/fixture/gone-caller")).singleElement().satisfies(r -> {
                assertThat(message(r)).contains("hung up");
                assertThat(r.getLevel().intValue()).isEqualTo(java.util.logging.Level.INFO.intValue());
                assertThat(r.getThrown()).isNull();
            });
        } finally {
            root.removeHandler(capture);
        }
    }

    private static String message(LogRecord record) {
        return new java.util.logging.SimpleFormatter().formatMessage(record);
    }
}
