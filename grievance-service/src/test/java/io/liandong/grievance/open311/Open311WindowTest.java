package io.liandong.grievance.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.grievance.support.MovableClockProfile;
import io.liandong.grievance.support.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET requests} without dates: the last 90 days by the service's clock, newest first, at most the row limit (3 here). */
@QuarkusTest
@TestProfile(MovableClockProfile.class)
@WithTestResource(DevstackTestResource.class)
class Open311WindowTest {

    private static String post() {
        return Open311ResourceTest.rentRequest().post("/open311/v2/requests.json")
                .then().statusCode(201).extract().jsonPath().getString("[0].service_request_id");
    }

    private static List<String> listed() {
        return given().get("/open311/v2/requests.json").then().statusCode(200).extract().jsonPath().getList("service_request_id");
    }

    @Test
    void theDefaultWindowIsNinetyDaysAndTheRowLimitHolds() {
        TestClock.CLOCK.advance(Duration.ofDays(365));
        String old = post();
        TestClock.CLOCK.advance(Duration.ofDays(91));
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            recent.add(post());
            TestClock.CLOCK.advance(Duration.ofMinutes(1));
        }

        assertThat(listed()).containsExactly(recent.get(3), recent.get(2), recent.get(1));
        TestClock.CLOCK.advance(Duration.ofDays(89));
        assertThat(listed()).hasSize(3).doesNotContain(old);
        TestClock.CLOCK.advance(Duration.ofDays(2));
        assertThat(listed()).isEmpty();
    }
}
