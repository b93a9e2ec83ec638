package io.liandong.dispatch.console;

import static io.liandong.dispatch.console.ConsoleEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liandong.contracts.EventType;
import io.liandong.dispatch.console.ConsoleViews.Assignment;
import io.liandong.dispatch.console.ConsoleViews.Commitment;
import io.liandong.dispatch.console.ConsoleViews.IncidentCard;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LivePictureTest {

    private final LivePicture picture = new LivePicture(2, 2);

    private IncidentCard apply(EventType type, String incident, Map<String, Object> changes) {
        return picture.apply(event(type, incident, changes)).incident();
    }

    @Test
    void anAssignmentsClocksStopWhenItsStepsAreDoneAndABreachMarksOnlyItsOwnClock() {
        apply(EventType.INCIDENT_REPORTED, "inc-1", Map.of());
        apply(EventType.ASSIGNMENT_CREATED, "inc-1", Map.of("assignmentId", "a-1"));
        apply(EventType.ASSIGNMENT_ACKNOWLEDGED, "inc-1", Map.of("assignmentId", "a-1"));
        apply(EventType.ASSIGNMENT_DEADLINE_WARNING, "inc-1", Map.of("assignmentId", "a-1", "deadline", "on-scene",
                "thresholdPercent", 80));
        apply(EventType.ASSIGNMENT_DEADLINE_BREACHED, "inc-1", Map.of("assignmentId", "a-1", "deadline", "on-scene"));
        IncidentCard card = apply(EventType.ASSIGNMENT_ON_SCENE, "inc-1", Map.of("assignmentId", "a-1"));

        Assignment a = card.assignments().get(0);
        assertThat(a.agencyId()).isEqualTo("police-binjiang-branch");
        assertThat(a.status()).isEqualTo("on-scene");
        assertThat(a.acknowledge().dueAt()).isEqualTo(Instant.parse("2026-03-14T05:45:24Z"));
        assertThat(a.acknowledge().doneAt()).isEqualTo(Instant.parse("2026-03-14T05:43:51Z"));
        assertThat(a.acknowledge().breached()).isFalse();
        assertThat(a.onScene().breached()).isTrue();
        assertThat(a.onScene().warnedPercent()).isEqualTo(80);
        assertThat(a.onScene().doneAt()).isNotNull();
    }

    @Test
    void aLateOrRepeatedStatusNeverMovesAnAssignmentBack() {
        apply(EventType.ASSIGNMENT_CREATED, "inc-1", Map.of("assignmentId", "a-1"));
        apply(EventType.ASSIGNMENT_ON_SCENE, "inc-1", Map.of("assignmentId", "a-1"));
        IncidentCard card = apply(EventType.ASSIGNMENT_ACKNOWLEDGED, "inc-1", Map.of("assignmentId", "a-1"));
        assertThat(card.assignments().get(0).status()).isEqualTo("on-scene");
        // Arriving implies acknowledging: that clock stopped with the arrival.
        assertThat(card.assignments().get(0).acknowledge().doneAt()).isNotNull();
    }

    @Test
    void commitmentsOfTheAgreementAreTrackedItemByItemAndAnOverdueOneIsFlaggedUntilVerified() {
        apply(EventType.RESOLUTION_AGREED, "inc-1", Map.of());
        apply(EventType.FOLLOWUP_PLAN_CREATED, "inc-1", Map.of());
        IncidentCard card = apply(EventType.FOLLOWUP_ITEM_OVERDUE, "inc-1", Map.of("itemId", "fui-2026-0107-04"));

        assertThat(card.mediation().state()).isEqualTo("agreed");
        assertThat(card.commitments()).extracting(Commitment::key).containsExactly("fui-2026-0107-01", "fui-2026-0107-04",
                "fui-2026-0107-10", "fui-2026-0107-22", "fui-2026-0107-02", "fui-2026-0107-03");
        assertThat(card.commitments()).filteredOn(Commitment::overdue).extracting(Commitment::key)
                .containsExactly("fui-2026-0107-04");

        apply(EventType.FOLLOWUP_ITEM_ESCALATED, "inc-1", Map.of("itemId", "fui-2026-0107-04"));
        card = apply(EventType.FOLLOWUP_ITEM_VERIFIED, "inc-1", Map.of("itemId", "fui-2026-0107-04"));
        Commitment fee = card.commitments().get(1);
        assertThat(fee.overdue()).isFalse();
        assertThat(fee.status()).isEqualTo("verified");
        assertThat(fee.escalationLevel()).isEqualTo(1);
        assertThat(card.escalations()).extracting(ConsoleViews.Escalation::kind).containsExactly("commitment");
    }

    @Test
    void mediationGoesFromSessionToFailureToAgreement() {
        assertThat(apply(EventType.MEDIATION_SESSION_HELD, "inc-1", Map.of()).mediation().state()).isEqualTo("in-session");
        assertThat(apply(EventType.RESOLUTION_FAILED, "inc-1", Map.of()).mediation().state()).isEqualTo("failed");
        IncidentCard card = apply(EventType.MEDIATION_SESSION_HELD, "inc-1", Map.of("sessionNumber", 2));
        assertThat(card.mediation().sessions()).isEqualTo(2);
        assertThat(apply(EventType.RESOLUTION_AGREED, "inc-1", Map.of()).mediation().state()).isEqualTo("agreed");
    }

    @Test
    void aClosedIncidentLeavesTheOpenOnesAndOnlyTheMostRecentClosedAreKept() {
        for (String id : new String[] {"inc-1", "inc-2", "inc-3"}) {
            apply(EventType.INCIDENT_REPORTED, id, Map.of());
        }
        assertThat(picture.openIncidents()).hasSize(3);
        apply(EventType.INCIDENT_STATUS_CHANGED, "inc-1", Map.of("from", "resolved", "to", "closed"));
        apply(EventType.INCIDENT_STATUS_CHANGED, "inc-2", Map.of("from", "reported", "to", "cancelled"));
        LivePicture.Applied third = picture.apply(event(EventType.INCIDENT_STATUS_CHANGED, "inc-3",
                Map.of("from", "resolved", "to", "closed")));

        assertThat(picture.openIncidents()).isEmpty();
        assertThat(third.evictedIncidentId()).isEqualTo("inc-1");
        assertThat(picture.recentlyClosed()).extracting(IncidentCard::incidentId).containsExactly("inc-3", "inc-2");

        // Follow-up goes on after closing: a closed incident still shows its commitments.
        IncidentCard card = apply(EventType.FOLLOWUP_ITEM_OVERDUE, "inc-3", Map.of());
        assertThat(card.open()).isFalse();
        assertThat(card.commitments()).singleElement().extracting(Commitment::overdue).isEqualTo(true);
    }

    @Test
    void anEventOfAnIncidentWhoseReportWasNotSeenShowsTheIncidentAsUnknownUntilItIs() {
        IncidentCard card = apply(EventType.ASSIGNMENT_DEADLINE_BREACHED, "inc-9", Map.of());
        assertThat(card.known()).isFalse();
        assertThat(card.place()).isNull();
        assertThat(apply(EventType.INCIDENT_REPORTED, "inc-9", Map.of()).known()).isTrue();
    }

    @Test
    void surgesAreKeptAtTheirLatestRevisionAndMarkedWhenAnIncidentIsOpenedFromThem() {
        picture.apply(event(EventType.GRIEVANCE_SURGE_DETECTED, null, Map.of("revision", 2, "count", 9)));
        LivePicture.Applied older = picture.apply(event(EventType.GRIEVANCE_SURGE_DETECTED, null, Map.of("revision", 1)));
        assertThat(older.surge().count()).isEqualTo(9);
        assertThat(older.activity().alarm()).isTrue();

        apply(EventType.INCIDENT_REPORTED, "inc-1", Map.of());
        assertThat(picture.surges()).singleElement().extracting(ConsoleViews.Surge::incidentId).isEqualTo("inc-1");

        picture.apply(event(EventType.GRIEVANCE_SURGE_DETECTED, null, Map.of("clusterId", "cls-2")));
        picture.apply(event(EventType.GRIEVANCE_SURGE_DETECTED, null, Map.of("clusterId", "cls-3")));
        assertThat(picture.surges()).extracting(ConsoleViews.Surge::clusterId).containsExactly("cls-3", "cls-2");
    }

    @Test
    void everyEventAboutAnIncidentJoinsTheActivityNewestFirst() {
        apply(EventType.INCIDENT_REPORTED, "inc-1", Map.of());
        apply(EventType.ALERT_PUBLISHED, "inc-1", Map.of());
        assertThat(picture.activity()).extracting(ConsoleViews.Activity::type)
                .containsExactly("io.liandong.alert.published.v1", "io.liandong.incident.reported.v1");
    }

    @Test
    void linksToOneIncidentInARowMakeOneLineThatCountsThem() {
        apply(EventType.INCIDENT_REPORTED, "inc-1", Map.of());
        String first = picture.apply(event(EventType.GRIEVANCE_LINKED, "inc-1", Map.of("grievanceId", "grv-0"))).activity()
                .eventId();
        ConsoleViews.Activity line = null;
        for (int i = 1; i < 500; i++) {
            line = picture.apply(event(EventType.GRIEVANCE_LINKED, "inc-1", Map.of("grievanceId", "grv-" + i))).activity();
        }
        assertThat(line.eventId()).isEqualTo(first);
        assertThat(line.detail()).isEqualTo("×500");
        assertThat(picture.activity()).extracting(ConsoleViews.Activity::type)
                .containsExactly("io.liandong.grievance.linked.v1", "io.liandong.incident.reported.v1");

        // Anything in between, or a link to another incident, starts a new line.
        apply(EventType.ALERT_PUBLISHED, "inc-1", Map.of());
        apply(EventType.GRIEVANCE_LINKED, "inc-1", Map.of("grievanceId", "grv-500"));
        apply(EventType.GRIEVANCE_LINKED, "inc-2", Map.of("grievanceId", "grv-501"));
        assertThat(picture.activity()).extracting(ConsoleViews.Activity::incidentId, ConsoleViews.Activity::detail)
                .startsWith(tuple("inc-2", null), tuple("inc-1", null));
        assertThat(picture.activity()).hasSize(5);
    }
}
