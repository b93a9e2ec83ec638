package io.liandong.department.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentEscalated;
import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.assignment.AssignmentStatusChanged;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.department.support.Db;
import io.liandong.department.support.Dispatch;
import io.liandong.devstack.DevstackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/** What dispatch publishes fills the inboxes, whatever the duplicates and the order. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AssignmentEventsTest {

    private static void awaitInInbox(String agency, String assignmentId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.agency(agency)
                .get("/api/v1/agencies/" + agency + "/assignments/" + assignmentId).then().statusCode(200));
    }

    @Test
    void anAssignmentDeliveredTwiceOrCreatedTwiceLandsOnce() {
        String incident = "inc-" + UUID.randomUUID();
        AssignmentCreated created = Dispatch.assignment(incident, "competent-department", "commerce-bureau");
        EventEnvelope event = Dispatch.send(created);
        Dispatch.send(event);                       // the same event again (a redelivery)
        Dispatch.send(created);                     // the same assignment as a new event (a producer retry)
        AssignmentCreated fence = Dispatch.assignment(incident, "competent-department", "commerce-bureau");
        Dispatch.send(fence);                       // same incident, same partition: handled after the three above
        awaitInInbox("commerce-bureau", fence.assignmentId());

        assertThat(Db.count("SELECT count(*) FROM inbox_assignment WHERE id = ?", created.assignmentId())).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", event.id())).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM inbox_assignment WHERE incident_id = ?", incident)).isEqualTo(2);
    }

    @Test
    void anEscalationOrAnOperatorsMoveBeforeTheCreationIsKeptAndApplied() {
        String incident = "inc-" + UUID.randomUUID();
        AssignmentCreated created = Dispatch.assignment(incident, "community-committee", "community-binjiang-xixing");
        Instant t = created.createdAt();
        Dispatch.send(new AssignmentEscalated(created.assignmentId(), incident, created.agencyId(), 1, "hq-duty-officer",
                DeadlineKind.ACKNOWLEDGE, "not acknowledged within 5 minutes", t.plusSeconds(301)));
        Dispatch.send(new AssignmentStatusChanged(created.assignmentId(), incident, created.agencyId(), AssignmentStatus.NOTIFIED,
                AssignmentStatus.EN_ROUTE, "hq-operator-07", "director phoned: on the way", t.plusSeconds(320)));
        Dispatch.send(created);
        awaitInInbox(created.agencyId(), created.assignmentId());

        As.agency(created.agencyId())
                .get("/api/v1/agencies/" + created.agencyId() + "/assignments/" + created.assignmentId()).then()
                .body("assignment.status", equalTo("en-route"))
                .body("dispatchSignals", hasSize(2))
                .body("dispatchSignals[0].kind", equalTo("escalated")).body("dispatchSignals[0].level", equalTo(1))
                .body("dispatchSignals[1].statusTo", equalTo("en-route"));

        // An operator's move that is behind the inbox changes nothing.
        Dispatch.send(new AssignmentStatusChanged(created.assignmentId(), incident, created.agencyId(), AssignmentStatus.NOTIFIED,
                AssignmentStatus.ACKNOWLEDGED, "hq-operator-07", "late radio message", t.plusSeconds(330)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Db.count("SELECT count(*) FROM assignment_signal WHERE assignment_id = ?", created.assignmentId()))
                        .isEqualTo(3));
        assertThat(Db.string("SELECT status FROM inbox_assignment WHERE id = ?", created.assignmentId())).isEqualTo("en-route");
    }

    @Test
    void anAssignmentNamingOnlyARoleIsRoutedByTheRegistryAndWhatNothingResolvesGoesToTheHq() {
        String incident = "inc-" + UUID.randomUUID();
        Dispatch.send(Dispatch.binjiang(incident, "330108002017"));
        Dispatch.send(new GrievanceLinked("grv-" + UUID.randomUUID(), incident, "grievance-service", Instant.now(), null));
        AssignmentCreated community = Dispatch.assignment(incident, "community-committee", "community-committee");
        AssignmentCreated competent = Dispatch.assignment(incident, "competent-department", "competent-department");
        AssignmentCreated unknown = Dispatch.assignment(incident, "bomb-squad", "bomb-squad");
        Dispatch.send(community);
        Dispatch.send(competent);
        Dispatch.send(unknown);
        awaitInInbox("city-command-hq", unknown.assignmentId());

        // grievance.linked travels on another topic: no order with dispatch's events, so wait for it too.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.agency("community-binhe")
                .get("/api/v1/agencies/community-binhe/assignments/" + community.assignmentId()).then().statusCode(200)
                .body("assignment.routedBy", equalTo("registry")).body("assignment.assignedAgencyId", equalTo("community-committee"))
                .body("incident.disputeType", equalTo("rent-increase")).body("incident.parties", hasSize(2))
                .body("incident.linkedGrievanceIds", hasSize(1))
                .body("timeline.type", hasItem("io.liandong.incident.reported.v1")));
        As.agency("commerce-bureau")
                .get("/api/v1/agencies/commerce-bureau/assignments/" + competent.assignmentId()).then().statusCode(200)
                .body("assignment.routedBy", equalTo("registry"));
        As.agency("city-command-hq")
                .get("/api/v1/agencies/city-command-hq/assignments/" + unknown.assignmentId()).then()
                .body("assignment.routedBy", equalTo("hq"));
    }
}
