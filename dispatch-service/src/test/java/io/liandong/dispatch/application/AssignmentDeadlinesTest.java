package io.liandong.dispatch.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.liandong.contracts.EventJson;
import io.liandong.contracts.assignment.AssignmentDeadlineWarning;
import io.liandong.contracts.assignment.AssignmentEscalated;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.dispatch.support.Api;
import io.liandong.dispatch.support.Db;
import io.liandong.platform.deadline.DeadlineScheduler;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * The assignments' clocks with an injected clock: warnings at 50% and 80%, the breach at the limit,
 * escalation up the ladder, a restart in the middle, and two replicas checking at once. Police in
 * the standard playbook: acknowledge within 2 min, on scene within 5 min; escalation every 5 min
 * over three rungs.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AssignmentDeadlinesTest {

    static final String WARNING = "io.liandong.assignment.deadline-warning.v1";
    static final String BREACHED = "io.liandong.assignment.deadline-breached.v1";
    static final String ESCALATED = "io.liandong.assignment.escalated.v1";

    @Inject
    MovableClock clock;

    @Inject
    DeadlineScheduler scheduler;

    @Test
    void warningsThenABreachThenEscalationUpTheLadderEachOnce() {
        String incident = Api.report();
        String police = Api.assignmentOf(incident, "police");

        clock.advance(Duration.ofSeconds(59));
        scheduler.fireDue();
        assertThat(Db.events(WARNING, police)).isEmpty();

        clock.advance(Duration.ofSeconds(1));                // 1 min: 50% of the 2 min to acknowledge
        scheduler.fireDue();
        scheduler.fireDue();
        assertThat(warnings(police)).containsExactly("acknowledge 50");

        clock.advance(Duration.ofSeconds(36));               // 1 min 36 s: 80%
        scheduler.fireDue();
        clock.advance(Duration.ofSeconds(24));               // 2 min: the limit
        scheduler.fireDue();
        assertThat(warnings(police)).containsExactly("acknowledge 50", "acknowledge 80");
        assertThat(Db.events(BREACHED, police)).hasSize(1).first().asString().contains("\"deadline\":\"acknowledge\"");
        assertThat(escalations(police)).containsExactly("1 hq-duty-officer");

        As.hq().get("/api/v1/incidents/" + incident + "/assignments/" + police).then().statusCode(200)
                .body("acknowledgeBreached", org.hamcrest.Matchers.equalTo(true))
                .body("escalationLevel", org.hamcrest.Matchers.equalTo(1));

        clock.advance(Duration.ofMinutes(5));                // 7 min: on scene breached too; rung 2 for acknowledge
        scheduler.fireDue();
        assertThat(Db.events(BREACHED, police)).hasSize(2);
        clock.advance(Duration.ofMinutes(30));
        scheduler.fireDue();
        scheduler.fireDue();
        assertThat(escalations(police)).hasSize(3).extracting(s -> s.split(" ")[1])
                .containsExactly("hq-duty-officer", "hq-deputy-commander", "public-order-detachment-commander");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("liandong_assignment_deadline_breaches_total{agency_role=\"police\""))
                .body(containsString("liandong_assignment_deadline_warnings_total{agency_role=\"police\""));
    }

    @Test
    void aStepDoneInTimeStopsItsClock() {
        String incident = Api.report();
        String police = Api.assignmentOf(incident, "police");
        String path = "/api/v1/incidents/" + incident + "/assignments/" + police;
        clock.advance(Duration.ofSeconds(30));
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path))
                .body("{\"status\": \"acknowledged\", \"changedBy\": \"hq-operator-07\", \"reason\": \"by radio\"}")
                .post(path + "/status").then().statusCode(200);
        clock.advance(Duration.ofSeconds(100));               // past the acknowledge limit, before on-scene 50%
        scheduler.fireDue();
        assertThat(Db.events(WARNING, police)).isEmpty();
        assertThat(Db.events(BREACHED, police)).isEmpty();

        clock.advance(Duration.ofSeconds(30));                // 2 min 40 s: on-scene 50% (2 min 30 s)
        scheduler.fireDue();
        assertThat(warnings(police)).containsExactly("on-scene 50");
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path))
                .body("{\"status\": \"on-scene\", \"changedBy\": \"hq-operator-07\"}")
                .post(path + "/status").then().statusCode(200);
        clock.advance(Duration.ofMinutes(30));
        scheduler.fireDue();
        assertThat(warnings(police)).containsExactly("on-scene 50");
        assertThat(Db.events(BREACHED, police)).isEmpty();
        As.hq().get(path).then().body("timeToAcknowledge", org.hamcrest.Matchers.equalTo("PT30S"));
    }

    @Test
    void aRestartInTheMiddleLosesNoDeadlineAndFiresNoneTwice() {
        String incident = Api.report();
        String police = Api.assignmentOf(incident, "police");
        clock.advance(Duration.ofMinutes(1));
        scheduler.newChecker(clock, "before-restart").fireDue();
        assertThat(warnings(police)).containsExactly("acknowledge 50");

        // The process stops; time passes with nobody checking; a new process has a new checker.
        clock.advance(Duration.ofMinutes(4));                // 5 min: everything of police's two clocks is due
        scheduler.newChecker(clock, "after-restart").fireDue();
        scheduler.newChecker(clock, "after-restart-2").fireDue();

        assertThat(warnings(police)).containsExactly("acknowledge 50", "acknowledge 80", "on-scene 50", "on-scene 80");
        assertThat(Db.events(BREACHED, police)).hasSize(2);
        assertThat(Db.count("SELECT count(*) FROM platform_deadline WHERE subject = ? AND fired_by = 'after-restart'", police))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void twoReplicasCheckingAtOnceFireEveryDeadlineOnce() throws Exception {
        List<String> incidents = List.of(Api.report(), Api.report(), Api.report());
        clock.advance(Duration.ofMinutes(31));                // past every limit of every agency
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = replicas.submit(() -> {
                together.await();
                return scheduler.newChecker(clock, "replica-a").fireDue();
            });
            Future<Integer> b = replicas.submit(() -> {
                together.await();
                return scheduler.newChecker(clock, "replica-b").fireDue();
            });
            a.get();
            b.get();
        } finally {
            replicas.shutdownNow();
        }
        for (String incident : incidents) {
            // 3 agencies x 2 clocks: 2 warnings and a breach each; the first breach escalates to rung 1, the second to rung 2.
            assertThat(Db.outboxCount(WARNING, incident)).as(incident).isEqualTo(12);
            assertThat(Db.outboxCount(BREACHED, incident)).as(incident).isEqualTo(6);
            assertThat(Db.outboxCount(ESCALATED, incident)).as(incident).isEqualTo(6);
        }
    }

    private static List<String> warnings(String assignment) {
        return Db.events(WARNING, assignment).stream().map(json -> EventJson.read(json, AssignmentDeadlineWarning.class))
                .map(w -> w.deadline().wireValue() + " " + w.thresholdPercent()).toList();
    }

    private static List<String> escalations(String assignment) {
        return Db.events(ESCALATED, assignment).stream().map(json -> EventJson.read(json, AssignmentEscalated.class))
                .map(e -> e.level() + " " + e.escalatedTo()).toList();
    }
}
