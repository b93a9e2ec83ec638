package io.liandong.followup.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.followup.support.Db;
import io.liandong.followup.support.Resolutions;
import io.liandong.platform.deadline.DeadlineScheduler;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * Items' timers with a clock the test moves: reminders 3 days and 1 day before the due date,
 * overdue at it, escalation up the ladder a day apart; a done item stops them; a restart in between.
 * The first item of each agreement is due 10 days after it arrives.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ItemDeadlinesTest {

    static final String OVERDUE = "io.liandong.followup.item-overdue.v1";
    static final String ESCALATED = "io.liandong.followup.item-escalated.v1";

    @Inject
    MovableClock clock;

    @Inject
    DeadlineScheduler scheduler;

    String agency = "bureau-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void remindersThenOverdueThenTheLadderEachOnce() {
        String incident = "inc-" + UUID.randomUUID();
        String item = Resolutions.agreed(incident, agency, clock.instant()).get(0);

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        scheduler.fireDue();
        assertThat(fired(item)).isEmpty();
        clock.advance(Duration.ofMinutes(1));                 // 3 days before
        scheduler.fireDue();
        assertThat(fired(item)).containsExactly("remind:PT72H");
        clock.advance(Duration.ofDays(2));                     // 1 day before
        scheduler.fireDue();
        scheduler.fireDue();
        assertThat(fired(item)).containsExactly("remind:PT72H", "remind:PT24H");
        assertThat(Db.events(OVERDUE, item)).isEmpty();
        given().get("/q/metrics").then().statusCode(200).body(containsString("liandong_followup_reminders_total"));

        clock.advance(Duration.ofDays(1).minusSeconds(1));
        scheduler.fireDue();
        assertThat(Db.events(OVERDUE, item)).isEmpty();
        clock.advance(Duration.ofSeconds(1));                  // the due date
        scheduler.fireDue();
        scheduler.fireDue();
        assertThat(Db.events(OVERDUE, item)).hasSize(1).first().asString().contains("\"kind\":\"party\"");
        assertThat(escalations(item)).containsExactly("1 " + agency);
        As.hq().get("/api/v1/followup-items/" + item).then().statusCode(200)
                .body("overdue", equalTo(true)).body("escalationLevel", equalTo(1));
        given().get("/q/metrics").then().statusCode(200).body(containsString("liandong_followup_items_overdue"));
        As.hq().get("/api/v1/followup-board").then().statusCode(200)
                .body("overdueByAgency.find { it.agencyId == '" + agency + "' }.overdue", equalTo(1))
                .body("averageLatenessSeconds", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("incidentsReviewPending", org.hamcrest.Matchers.hasItem(incident));

        clock.advance(Duration.ofDays(1));
        scheduler.fireDue();
        clock.advance(Duration.ofDays(1));
        scheduler.fireDue();
        clock.advance(Duration.ofDays(5));
        scheduler.fireDue();
        assertThat(escalations(item)).containsExactly("1 " + agency, "2 " + agency + "-lead", "3 hq-duty-officer");
        assertThat(Db.events(OVERDUE, item)).hasSize(1);
    }

    @Test
    void aDoneItemIsNeitherRemindedNorOverdue() {
        String item = Resolutions.agreed("inc-" + UUID.randomUUID(), agency, clock.instant()).get(0);
        String etag = As.agency(agency).header("If-Match", "\"0\"")
                .post("/api/v1/followup-items/" + item + "/start").then().statusCode(200).extract().header("ETag");
        As.agency(agency).header("If-Match", etag).contentType("application/json")
                .body(Map.of("note", "done early", "evidenceUrls", List.of("https://files.example.org/x.pdf")))
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(200);
        clock.advance(Duration.ofDays(30));
        scheduler.fireDue();
        assertThat(fired(item)).isEmpty();
        assertThat(Db.events(OVERDUE, item)).isEmpty();
        assertThat(Db.events(ESCALATED, item)).isEmpty();
    }

    @Test
    void aRestartInBetweenLosesNothingAndFiresNothingTwice() {
        String item = Resolutions.agreed("inc-" + UUID.randomUUID(), agency, clock.instant()).get(0);
        clock.advance(Duration.ofDays(7));
        scheduler.newChecker(clock, "before-restart").fireDue();
        assertThat(fired(item)).containsExactly("remind:PT72H");

        // The process stops; the due date passes with nobody checking; a new process checks.
        clock.advance(Duration.ofDays(4));
        scheduler.newChecker(clock, "after-restart").fireDue();
        scheduler.newChecker(clock, "after-restart-2").fireDue();

        assertThat(fired(item)).containsExactly("remind:PT72H", "remind:PT24H", "overdue");
        assertThat(Db.events(OVERDUE, item)).hasSize(1);
        assertThat(escalations(item)).containsExactly("1 " + agency);
        assertThat(Db.count("SELECT count(*) FROM platform_deadline WHERE subject = ? AND fired_by = 'after-restart'", item))
                .isEqualTo(2);
    }

    private static List<String> fired(String item) {
        return Db.strings("SELECT name FROM platform_deadline WHERE subject = ? AND fired_at IS NOT NULL ORDER BY due_at, id", item);
    }

    private static List<String> escalations(String item) {
        return Db.events(ESCALATED, item).stream().map(json -> {
            var node = io.liandong.contracts.EventJson.readTree(json);
            return node.get("level").asInt() + " " + node.get("escalatedTo").asText();
        }).toList();
    }
}
