package io.liandong.dispatch.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventType;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ConsoleStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/api/v1/console/stream")
    URI stream;

    @Inject
    MovableClock clock;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void consoleFollowsEveryTopic() {
        ConsoleEvents.warmUp(operator());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static String operator() {
        return Devstack.identity().token("city-command-hq", "hq-operator");
    }

    @Test
    void anIncidentWithItsAssignmentsBreachEscalationMilestoneMediationAndCommitmentsAppearsInTheSnapshot() {
        String incident = ConsoleEvents.newIncidentId();
        try (var events = new ConsoleEvents()) {
            events.write(EventType.INCIDENT_REPORTED, incident, Map.of());
            events.write(EventType.ASSIGNMENT_CREATED, incident, Map.of("assignmentId", incident + "-police"));
            events.write(EventType.ASSIGNMENT_CREATED, incident, Map.of("assignmentId", incident + "-community",
                    "agencyRole", "community", "agencyId", "community-binjiang-xixing", "onSiteGroup", "crowd-guidance"));
            events.write(EventType.ASSIGNMENT_ACKNOWLEDGED, incident, Map.of("assignmentId", incident + "-police"));
            events.write(EventType.ASSIGNMENT_DEADLINE_BREACHED, incident, Map.of("assignmentId", incident + "-community",
                    "agencyId", "community-binjiang-xixing"));
            events.write(EventType.ASSIGNMENT_ESCALATED, incident, Map.of("assignmentId", incident + "-community",
                    "agencyId", "community-binjiang-xixing"));
            events.write(EventType.MILESTONE_RECORDED, incident, Map.of());
            events.write(EventType.RESOLUTION_FAILED, incident, Map.of());
            events.write(EventType.FOLLOWUP_PLAN_CREATED, incident, Map.of());
            events.write(EventType.FOLLOWUP_ITEM_OVERDUE, incident, Map.of("itemId", "fui-2026-0107-10"));
        }

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(operator())
                .get("/api/v1/console/snapshot").then().statusCode(200)
                .body("incidents.find { it.incidentId == '" + incident + "' }.commitments.find { it.itemId == 'fui-2026-0107-10' }.overdue",
                        equalTo(true)));
        var card = "incidents.find { it.incidentId == '" + incident + "' }";
        given().auth().oauth2(operator()).get("/api/v1/console/snapshot").then().statusCode(200)
                .body(card + ".known", equalTo(true))
                .body(card + ".incidentType", equalTo("commercial-dispute"))
                .body(card + ".place.lat", equalTo(30.2084f))
                .body(card + ".place.address", equalTo("滨江商圈管理处，商圈中心广场东侧 (Binjiang shopping district management office, east side of the central square)"))
                .body(card + ".assignments.size()", equalTo(2))
                .body(card + ".assignments[0].status", equalTo("acknowledged"))
                .body(card + ".assignments[0].acknowledge.doneAt", equalTo("2026-03-14T05:43:51Z"))
                .body(card + ".assignments[0].onScene.doneAt", equalTo(null))
                .body(card + ".assignments[1].onScene.breached", equalTo(true))
                .body(card + ".assignments[1].acknowledge.breached", equalTo(false))
                .body(card + ".assignments[1].escalationLevel", equalTo(1))
                .body(card + ".escalations[0].agencyId", equalTo("community-binjiang-xixing"))
                .body(card + ".milestones[0].milestone", equalTo("cordon-set"))
                .body(card + ".mediation.state", equalTo("failed"))
                .body(card + ".commitments.size()", equalTo(6))
                .body(card + ".commitments.findAll { it.overdue }.itemId", equalTo(List.of("fui-2026-0107-10")))
                .body("activity.findAll { it.incidentId == '" + incident + "' }.type",
                        hasItem("io.liandong.assignment.deadline-breached.v1"));
    }

    @Test
    void theStreamStartsWithTheSnapshotThenCarriesEveryChangeAsItHappens() throws Exception {
        String incident = ConsoleEvents.newIncidentId();
        SseClient client = connect(null);
        SseClient.Event first = client.nextWithId(WAIT);
        assertThat(first.name()).isEqualTo("snapshot");
        assertThat(first.id()).isEqualTo(first.data().get("id").asText());

        try (var events = new ConsoleEvents()) {
            EventEnvelope reported = events.write(EventType.INCIDENT_REPORTED, incident, Map.of());
            SseClient.Event change = client.next(e -> "change".equals(e.name())
                    && incident.equals(e.data().path("incident").path("incidentId").asText()), WAIT);
            assertThat(change.data().at("/activity/eventId").asText()).isEqualTo(reported.id());
            assertThat(change.data().at("/activity/type").asText()).isEqualTo("io.liandong.incident.reported.v1");
            assertThat(change.data().at("/incident/open").asBoolean()).isTrue();
            assertThat(sequence(change.id())).isGreaterThan(sequence(first.id()));

            events.write(EventType.INCIDENT_STATUS_CHANGED, incident, Map.of("from", "resolved", "to", "closed"));
            SseClient.Event closed = client.next(e -> "change".equals(e.name())
                    && incident.equals(e.data().path("incident").path("incidentId").asText()), WAIT);
            assertThat(closed.data().at("/incident/open").asBoolean()).isFalse();
        }
        given().auth().oauth2(operator()).get("/api/v1/console/snapshot").then().statusCode(200)
                .body("recentlyClosed.incidentId", hasItem(incident));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void moreOperatorsWatchingThanWorkerThreadsTakeNoneOfThem() throws Exception {
        // Worker threads are few (sized with the database pool); a watching console must not hold one.
        int workerThreads = ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class);
        List<SseClient> watching = new ArrayList<>();
        for (int i = 0; i < workerThreads + 4; i++) {
            SseClient client = connect(null);
            assertThat(client.nextWithId(WAIT).name()).isEqualTo("snapshot");
            watching.add(client);
        }

        given().auth().oauth2(operator()).get("/api/v1/console/snapshot").then().statusCode(200);
        String incident = ConsoleEvents.newIncidentId();
        try (var events = new ConsoleEvents()) {
            events.write(EventType.INCIDENT_REPORTED, incident, Map.of());
        }
        for (SseClient client : watching) {
            client.next(e -> "change".equals(e.name())
                    && incident.equals(e.data().path("incident").path("incidentId").asText()), WAIT);
        }
    }

    @Test
    void aSurgesLinksReachTheStreamAsAFewChangesCountingThemNotOneEach() throws Exception {
        String incident = ConsoleEvents.newIncidentId();
        SseClient client = connect(null);
        long seq = sequence(client.nextWithId(WAIT).id());

        String milestone;
        try (var events = new ConsoleEvents()) {
            events.write(EventType.INCIDENT_REPORTED, incident, Map.of());
            for (int i = 0; i < 200; i++) {
                events.write(EventType.GRIEVANCE_LINKED, incident, Map.of("grievanceId", incident + "-grv-" + i));
            }
            // The milestone comes on another topic: written once the console has every link, so it comes after them.
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(operator()).get("/api/v1/console/snapshot")
                    .then().body("activity.find { it.incidentId == '" + incident + "' }.detail", equalTo("×200")));
            milestone = events.write(EventType.MILESTONE_RECORDED, incident, Map.of()).id();
        }
        List<String> linkLines = new ArrayList<>();
        while (true) {
            SseClient.Event e = client.nextWithId(WAIT);
            if (!"change".equals(e.name())) {
                continue;
            }
            assertThat(sequence(e.id())).as("no change is skipped or repeated").isEqualTo(++seq);
            if (!incident.equals(e.data().at("/activity/incidentId").asText())) {
                continue;
            }
            if (milestone.equals(e.data().at("/activity/eventId").asText())) {
                break;
            }
            if ("io.liandong.grievance.linked.v1".equals(e.data().at("/activity/type").asText())) {
                linkLines.add(e.data().at("/activity/detail").asText(""));
            }
        }
        // The first link at once, then the count now and then (the delays' heartbeat), and whole before what follows.
        assertThat(linkLines).hasSizeLessThan(20).last().isEqualTo("×200");
    }

    @Test
    void aBrowserThatReconnectsWithTheLastEventIdGetsExactlyTheChangesItMissed() throws Exception {
        String incident = ConsoleEvents.newIncidentId();
        SseClient first = connect(null);
        String lastSeen = first.nextWithId(WAIT).id();
        first.close();

        List<String> missed = new ArrayList<>();
        try (var events = new ConsoleEvents()) {
            missed.add(events.write(EventType.INCIDENT_REPORTED, incident, Map.of()).id());
            missed.add(events.write(EventType.ASSIGNMENT_CREATED, incident, Map.of("assignmentId", incident + "-police")).id());
            missed.add(events.write(EventType.MILESTONE_RECORDED, incident, Map.of()).id());
        }
        // Wait until the console has them all, as a browser that is away would not.
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(operator()).get("/api/v1/console/snapshot")
                .then().body("incidents.find { it.incidentId == '" + incident + "' }.milestones.size()", equalTo(1)));

        SseClient resumed = connect(lastSeen);
        List<String> received = new ArrayList<>();
        long expectedSeq = sequence(lastSeen) + 1;
        while (received.size() < missed.size()) {
            SseClient.Event e = resumed.nextWithId(WAIT);
            assertThat(e.name()).as("a resumed stream starts with the missed changes, not a snapshot").isEqualTo("change");
            assertThat(sequence(e.id())).as("no change is skipped or repeated").isEqualTo(expectedSeq++);
            if (incident.equals(e.data().at("/activity/incidentId").asText())) {
                received.add(e.data().at("/activity/eventId").asText());
            }
        }
        assertThat(received).containsExactlyElementsOf(missed);

        // And it goes on live.
        try (var events = new ConsoleEvents()) {
            String later = events.write(EventType.RESOLUTION_FAILED, incident, Map.of()).id();
            SseClient.Event live = resumed.next(e -> "change".equals(e.name())
                    && incident.equals(e.data().at("/activity/incidentId").asText()), WAIT);
            assertThat(live.data().at("/activity/eventId").asText()).isEqualTo(later);
            assertThat(live.data().at("/incident/mediation/state").asText()).isEqualTo("failed");
        }
    }

    @Test
    void anIdFromBeforeARestartOrLongAgoGetsASnapshotFirst() throws Exception {
        for (String stale : List.of("k0000000-17", "garbage", "0-0")) {
            SseClient client = connect(stale);
            assertThat(client.nextWithId(WAIT).name()).as(stale).isEqualTo("snapshot");
        }
    }

    @Test
    void theInformationDelayPerHopIsMeasuredFromTheEventTimeToItsReceipt() throws Exception {
        Instant before = clock.instant();
        // Far from every other test's receipts, so the window holds only this test's.
        Instant now = before.plus(Duration.ofDays(1));
        clock.set(now);
        try {
            String incident = ConsoleEvents.newIncidentId();
            try (var events = new ConsoleEvents()) {
                for (int i = 1; i <= 10; i++) {
                    events.write(ConsoleEvents.event(EventType.MEDIATION_PROPOSAL_MADE, incident,
                            now.minusMillis(100L * i), Map.of("proposalId", "prp-" + i)));
                }
                // A producer whose clock runs ahead: no delay rather than a negative one.
                events.write(ConsoleEvents.event(EventType.ASSIGNMENT_DEADLINE_WARNING, incident, now.plusSeconds(3), Map.of()));
            }
            String department = "delays.find { it.type == 'io.liandong.mediation.proposal-made.v1' }";
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(operator()).get("/api/v1/console/snapshot")
                    .then().statusCode(200)
                    .body(department + ".count", equalTo(10))
                    .body("delays.find { it.type == 'io.liandong.assignment.deadline-warning.v1' }.count", equalTo(1)));
            given().auth().oauth2(operator()).get("/api/v1/console/snapshot").then()
                    .body(department + ".topic", equalTo("liandong.department.events"))
                    .body(department + ".p50Millis", equalTo(500))
                    .body(department + ".p99Millis", equalTo(1000))
                    .body(department + ".maxMillis", equalTo(1000))
                    .body("delays.find { it.type == 'io.liandong.assignment.deadline-warning.v1' }.p99Millis", equalTo(0));

            // Five minutes later they have left the window.
            clock.set(now.plus(Duration.ofMinutes(5)).plusSeconds(1));
            given().auth().oauth2(operator()).get("/api/v1/console/snapshot").then()
                    .body("delays.type", not(hasItem("io.liandong.mediation.proposal-made.v1")));
        } finally {
            clock.set(before);
        }
    }

    @Test
    void afterARestartTheConsoleRebuildsItsPictureFromTheTopics() {
        String incident = ConsoleEvents.newIncidentId();
        try (var events = new ConsoleEvents()) {
            events.write(EventType.INCIDENT_REPORTED, incident, Map.of());
            events.write(EventType.ASSIGNMENT_CREATED, incident, Map.of("assignmentId", incident + "-police"));
            events.write(EventType.ASSIGNMENT_DEADLINE_BREACHED, incident, Map.of("assignmentId", incident + "-police",
                    "deadline", "acknowledge"));
        }
        // A console started after those events were written, as after a restart of the service.
        ConsoleHub restarted = new ConsoleHub(Clock.systemUTC(), 50, 30, 10_000, Duration.ofMinutes(5));
        ConsoleFeed feed = new ConsoleFeed(restarted, true, Devstack.kafka().bootstrapServers(),
                Optional.of("restart-test"), Optional.empty(), Duration.ofSeconds(2));
        assertThat(restarted.snapshot().replaying()).isTrue();
        feed.start(null);
        try {
            await().atMost(WAIT).until(() -> !restarted.snapshot().replaying());
            ConsoleViews.Snapshot snapshot = restarted.snapshot();
            assertThat(snapshot.incidents()).filteredOn(i -> i.incidentId().equals(incident)).singleElement()
                    .satisfies(card -> {
                        assertThat(card.known()).isTrue();
                        assertThat(card.assignments()).singleElement()
                                .satisfies(a -> assertThat(a.acknowledge().breached()).isTrue());
                    });
            // Re-read, not received now: they say nothing about today's delays.
            assertThat(snapshot.delays()).isEmpty();
            assertThat(feed.groupId()).startsWith("dispatch-console-restart-test-");
        } finally {
            feed.stop(null);
        }
    }

    private SseClient connect(String lastEventId) throws Exception {
        SseClient client = new SseClient(stream, operator(), lastEventId);
        open.add(client);
        assertThat(client.status()).isEqualTo(200);
        return client;
    }

    static long sequence(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
