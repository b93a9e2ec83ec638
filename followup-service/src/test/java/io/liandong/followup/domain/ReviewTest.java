package io.liandong.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.IncidentStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.liandong.contracts.assignment.AssignmentReferred;
import io.liandong.contracts.common.Place;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.Severity;
import io.liandong.contracts.milestone.MilestoneRecorded;
import io.liandong.contracts.milestone.Milestones;
import org.junit.jupiter.api.Test;

class ReviewTest {

    static final Instant T0 = Instant.parse("2026-03-14T05:43:24Z");
    static final Duration GOLDEN = Duration.ofMinutes(10);

    @Test
    void timesAgainstLimitsBreachesAndTheClosing() {
        List<EventPayload> events = List.of(
                created("a1", "police-binjiang-branch", "police", Duration.ofMinutes(2), Duration.ofMinutes(5)),
                created("a2", "community-binhe", "community", Duration.ofMinutes(5), Duration.ofMinutes(20)),
                new AssignmentAcknowledged("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(27)),
                new AssignmentAcknowledged("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(99)),   // a repeat counts once
                new AssignmentOnScene("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(254), 12),
                new AssignmentDeadlineBreached("a2", "inc", "community-binhe", DeadlineKind.ON_SCENE, T0.plusSeconds(1200),
                        T0.plusSeconds(1201)),
                new IncidentStatusChanged("inc", IncidentStatus.RESOLVED, IncidentStatus.CLOSED, "hq", "done", T0.plusSeconds(9000)));
        Review review = Review.of("inc", events, List.of(), Map.of(), GOLDEN);
        assertThat(review.closedAt()).isEqualTo(T0.plusSeconds(9000));
        assertThat(review.breachCount()).isEqualTo(1);
        Review.AgencyLine police = review.agencies().get(0);
        assertThat(police.acknowledgedAfter()).isEqualTo(Duration.ofSeconds(27));
        assertThat(police.acknowledgeLimit()).isEqualTo(Duration.ofMinutes(2));
        assertThat(police.onSceneAfter()).isEqualTo(Duration.ofSeconds(254));
        assertThat(police.onSceneLimit()).isEqualTo(Duration.ofMinutes(5));
        assertThat(police.breaches()).isEmpty();
        Review.AgencyLine community = review.agencies().get(1);
        assertThat(community.acknowledgedAfter()).isNull();
        assertThat(community.onSceneAfter()).isNull();
        assertThat(community.breaches()).containsExactly("on-scene");
    }

    @Test
    void anIncidentNotClosedHasNoReview() {
        assertThat(Review.of("inc", List.of(created("a1", "p", "police", Duration.ofMinutes(2), Duration.ofMinutes(5))),
                List.of(), Map.of(), GOLDEN)).isNull();
    }

    @Test
    void sceneControlIsMeasuredFromTheFirstPoliceArrivalAgainstTheGoldenPeriod() {
        List<EventPayload> met = List.of(
                created("a1", "police-binjiang-branch", "police", Duration.ofMinutes(2), Duration.ofMinutes(5)),
                created("a2", "police-xixing", "police", Duration.ofMinutes(2), Duration.ofMinutes(5)),
                created("a3", "community-binhe", "community-committee", Duration.ofMinutes(5), Duration.ofMinutes(20)),
                new AssignmentOnScene("a3", "inc", "community-binhe", "x", T0.plusSeconds(60), 3),        // not police: no start
                new AssignmentOnScene("a2", "inc", "police-xixing", "x", T0.plusSeconds(300), 4),
                new AssignmentOnScene("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(254), 12),
                milestone(Milestones.CORDON_SET, T0.plusSeconds(400)),
                new IncidentStatusChanged("inc", IncidentStatus.ON_SCENE, IncidentStatus.UNDER_CONTROL, "hq", "", T0.plusSeconds(900)),
                milestone(Milestones.SCENE_UNDER_CONTROL, T0.plusSeconds(254 + 600)),                   // exactly the target
                closed());
        Review.GoldenPeriod g = Review.of("inc", met, List.of(), Map.of(), GOLDEN).goldenPeriod();
        assertThat(g.policeArrivedAt()).isEqualTo(T0.plusSeconds(254));
        assertThat(g.policeAgencyId()).isEqualTo("police-binjiang-branch");
        assertThat(g.elapsed()).isEqualTo(Duration.ofMinutes(10));
        assertThat(g.compliance()).isEqualTo("met");

        // no milestone: the incident's move to under-control ends it; one second over the target is missed
        List<EventPayload> missed = List.of(
                created("a1", "police-binjiang-branch", "police", Duration.ofMinutes(2), Duration.ofMinutes(5)),
                new AssignmentOnScene("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(254), 12),
                new IncidentStatusChanged("inc", IncidentStatus.ON_SCENE, IncidentStatus.UNDER_CONTROL, "hq", "", T0.plusSeconds(855)),
                closed());
        Review review = Review.of("inc", missed, List.of(), Map.of(), GOLDEN);
        assertThat(review.goldenPeriod().elapsed()).isEqualTo(Duration.ofSeconds(601));
        assertThat(review.goldenPeriod().compliance()).isEqualTo("missed");
        assertThat(review.findings()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("golden-period");
            assertThat(f.responsibleAgencyId()).isEqualTo("police-binjiang-branch");
            assertThat(f.issue()).contains("601 s", "600 s");
        });

        assertThat(Review.of("inc", List.of(closed()), List.of(), Map.of(), GOLDEN).goldenPeriod().compliance())
                .isEqualTo("not-started");
        assertThat(Review.of("inc", List.of(
                        created("a1", "police-binjiang-branch", "police", Duration.ofMinutes(2), Duration.ofMinutes(5)),
                        new AssignmentOnScene("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(254), 12), closed()),
                List.of(), Map.of(), GOLDEN).goldenPeriod()).satisfies(g2 -> {
                    assertThat(g2.compliance()).isEqualTo("not-recorded");
                    assertThat(g2.elapsed()).isNull();
                });
    }

    @Test
    void sceneControlIsHeldAgainstTheGoldenPeriodOfThePlaybookTheIncidentWasDispatchedUnder() {
        // police arrive at 254 s, the scene is under control 8 min later
        Function<Duration, List<EventPayload>> incident = golden -> List.of(
                reported(T0, golden),
                created("a1", "police-binjiang-branch", "police", Duration.ofMinutes(2), Duration.ofMinutes(5)),
                new AssignmentOnScene("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(254), 12),
                milestone(Milestones.SCENE_UNDER_CONTROL, T0.plusSeconds(254 + 480)),
                closed());

        // the report carries a stricter playbook's 5 minutes: missed, though this service's own default is 10
        Review strict = Review.of("inc", incident.apply(Duration.ofMinutes(5)), List.of(), Map.of(), GOLDEN);
        assertThat(strict.goldenPeriod().target()).isEqualTo(Duration.ofMinutes(5));
        assertThat(strict.goldenPeriod().compliance()).isEqualTo("missed");
        assertThat(strict.findings()).singleElement().satisfies(f -> assertThat(f.issue()).contains("480 s", "300 s"));

        // a report of an earlier version carries none: the configured golden period stands in
        Review older = Review.of("inc", incident.apply(null), List.of(), Map.of(), GOLDEN);
        assertThat(older.goldenPeriod().target()).isEqualTo(GOLDEN);
        assertThat(older.goldenPeriod().compliance()).isEqualTo("met");
        assertThat(older.findings()).isEmpty();
    }

    @Test
    void everyHandOffIsTimedToTheReceivingAgencysOwnAcknowledgement() {
        List<EventPayload> events = List.of(
                created("a3", "community-binhe", "community-committee", Duration.ofMinutes(5), Duration.ofMinutes(20)),
                new AssignmentAcknowledged("a3", "inc", "community-binhe", "x", T0.plusSeconds(30)),
                new AssignmentReferred("a3", "inc", "community-binhe", "community-jiangnan", "their side", 1, "x",
                        T0.plusSeconds(60), null),
                new AssignmentAcknowledged("a3", "inc", "community-binhe", "x", T0.plusSeconds(70)),          // not the receiver
                new AssignmentAcknowledged("a3", "inc", "community-jiangnan", "y", T0.plusSeconds(60 + 420)),  // 7 min > 5 min
                new AssignmentReferred("a3", "inc", "community-jiangnan", "city-command-hq", "bouncing", 2, "y",
                        T0.plusSeconds(600), "community-binhe"),
                new AssignmentAcknowledged("a3", "inc", "city-command-hq", "z", T0.plusSeconds(600 + 45)),
                new AssignmentReferred("a9", "inc", "health-a", "health-b", "remit", 1, "h", T0.plusSeconds(700), null),
                closed());
        Review review = Review.of("inc", events, List.of(), Map.of(), GOLDEN);
        assertThat(review.handoffs()).hasSize(3);
        Review.Handoff first = review.handoffs().get(0);
        assertThat(first.toAgencyId()).isEqualTo("community-jiangnan");
        assertThat(first.delay()).isEqualTo(Duration.ofMinutes(7));
        assertThat(first.limit()).isEqualTo(Duration.ofMinutes(5));
        assertThat(first.late()).isTrue();
        Review.Handoff second = review.handoffs().get(1);
        assertThat(second.delay()).isEqualTo(Duration.ofSeconds(45));
        assertThat(second.late()).isFalse();
        Review.Handoff unseen = review.handoffs().get(2);     // an assignment whose creation was not seen, never acknowledged
        assertThat(unseen.acknowledgedAt()).isNull();
        assertThat(unseen.delay()).isNull();
        assertThat(unseen.limit()).isNull();
        assertThat(unseen.late()).isTrue();
        assertThat(review.findings()).extracting(Review.Finding::key, Review.Finding::responsibleAgencyId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("handoff:a3:1", "community-jiangnan"),
                        org.assertj.core.groups.Tuple.tuple("handoff:a9:1", "health-b"));
        assertThat(review.findings().get(0).issue()).contains("420 s", "limit 300 s");
        assertThat(review.findings().get(1).issue()).contains("never acknowledged");
    }

    @Test
    void theLeadIsFromTheEarliestLinkedGrievanceToTheIncidentsReport() {
        Instant reported = T0.minusSeconds(4);
        List<EventPayload> events = List.of(
                reported(reported),
                new GrievanceLinked("g2", "inc", "grievance-service", T0, "cls"),
                new GrievanceLinked("g1", "inc", "grievance-service", T0, "cls"),
                new GrievanceLinked("g3", "inc", "hq-operator", T0, null),
                new GrievanceLinked("g1", "inc", "grievance-service", T0.plusSeconds(5), "cls"),    // linked twice, one grievance
                closed());
        Map<String, Instant> received = Map.of(
                "g1", reported.minus(Duration.ofHours(26)),
                "g2", reported.minus(Duration.ofHours(3)),
                "g9", reported.minus(Duration.ofDays(9)));     // not linked to this incident
        Review.GrievanceLead lead = Review.of("inc", events, List.of(), received, GOLDEN).grievanceLead();
        assertThat(lead.linkedGrievances()).isEqualTo(3);
        assertThat(lead.firstGrievanceId()).isEqualTo("g1");
        assertThat(lead.firstToIncident()).isEqualTo(Duration.ofHours(26));

        // a grievance received only after the incident was opened: no lead
        Review.GrievanceLead after = Review.of("inc", events, List.of(), Map.of("g2", reported.plusSeconds(1)), GOLDEN)
                .grievanceLead();
        assertThat(after.firstGrievanceId()).isEqualTo("g2");
        assertThat(after.firstToIncident()).isNull();
        assertThat(Review.of("inc", List.of(closed()), List.of(), Map.of(), GOLDEN).grievanceLead().firstToIncident()).isNull();
    }

    @Test
    void eachBreachIsOneFindingForTheAgencyThatBreached() {
        List<EventPayload> events = List.of(
                created("a2", "community-binhe", "community-committee", Duration.ofMinutes(5), Duration.ofMinutes(20)),
                new AssignmentDeadlineBreached("a2", "inc", "community-binhe", DeadlineKind.ACKNOWLEDGE, T0.plusSeconds(300),
                        T0.plusSeconds(301)),
                new AssignmentDeadlineBreached("a2", "inc", "community-binhe", DeadlineKind.ON_SCENE, T0.plusSeconds(1200),
                        T0.plusSeconds(1201)),
                new AssignmentDeadlineBreached("a2", "inc", "community-binhe", DeadlineKind.ON_SCENE, T0.plusSeconds(1200),
                        T0.plusSeconds(1201)),      // the same breach told twice: one action
                closed());
        Review review = Review.of("inc", events, List.of(), Map.of(), GOLDEN);
        assertThat(review.breachCount()).isEqualTo(3);
        assertThat(review.findings()).extracting(Review.Finding::key)
                .containsExactly("breach:a2:acknowledge", "breach:a2:on-scene");
        assertThat(review.findings()).allSatisfy(f -> assertThat(f.responsibleAgencyId()).isEqualTo("community-binhe"));
        assertThat(review.findings().get(1).issue()).contains("community-binhe (community-committee) breached its on-scene deadline");
        assertThat(Review.of("inc", List.of(closed()), List.of(), Map.of(), GOLDEN).findings()).isEmpty();
    }

    private static IncidentStatusChanged closed() {
        return new IncidentStatusChanged("inc", IncidentStatus.RESOLVED, IncidentStatus.CLOSED, "hq", "done", T0.plusSeconds(9000));
    }

    private static MilestoneRecorded milestone(String code, Instant at) {
        return new MilestoneRecorded("inc", code, OnSiteGroup.ORDER_MAINTENANCE, "police-binjiang-branch", "x", at, null);
    }

    private static IncidentReported reported(Instant at) {
        return reported(at, null);
    }

    private static IncidentReported reported(Instant at, Duration goldenPeriod) {
        return new IncidentReported("inc", "commercial-dispute", "rent-increase", new Place(30.2, 120.2, "office", "330108"),
                Severity.MEDIUM, 60, List.of(), "crowd", "hq", IncidentOrigin.SURGE, "cls", "pb@1", goldenPeriod, at);
    }

    private static AssignmentCreated created(String id, String agency, String role, Duration ack, Duration onScene) {
        return new AssignmentCreated(id, "inc", role, agency, OnSiteGroup.ORDER_MAINTENANCE, List.of("duty"), T0.plus(ack),
                T0.plus(onScene), "pb@1", T0);
    }
}
