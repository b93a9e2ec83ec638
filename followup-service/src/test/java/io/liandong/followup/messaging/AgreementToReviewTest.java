package io.liandong.followup.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.contracts.Topics;
import io.liandong.contracts.followup.FollowupItemEscalated;
import io.liandong.contracts.followup.FollowupItemOverdue;
import io.liandong.contracts.followup.FollowupPlanCreated;
import io.liandong.contracts.followup.PlanSource;
import io.liandong.contracts.review.AgencyResponse;
import io.liandong.contracts.review.ReviewPublished;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.followup.support.Db;
import io.liandong.followup.support.Resolutions;
import io.liandong.platform.deadline.DeadlineScheduler;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * The whole path through the broker and the database, Kafka in and Kafka out: the incident's dispatch
 * events and {@code resolution.agreed} written on the producers' topics, the first commitment left
 * undone past its due date (moved clock) so it is announced overdue and escalated, then the incident
 * closed, and the {@code review.published} read back from {@code liandong.followup.events}.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AgreementToReviewTest {

    static final String PLAN_CREATED = "io.liandong.followup.plan-created.v1";
    static final String OVERDUE = "io.liandong.followup.item-overdue.v1";
    static final String ESCALATED = "io.liandong.followup.item-escalated.v1";
    static final String REVIEW = "io.liandong.review.published.v1";

    @Inject
    MovableClock clock;

    @Inject
    DeadlineScheduler scheduler;

    @Test
    void fromAnAgreementOnKafkaThroughAnOverdueEscalationToThePublishedReview() {
        String incident = "inc-" + UUID.randomUUID();
        String agency = "bureau-" + UUID.randomUUID().toString().substring(0, 8);
        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.FOLLOWUP_EVENTS)) {
            // The story, as grievance, dispatch and department published it (golden samples): the first grievance
            // 30 min 40 s before the incident was reported; police acknowledge after 27 s and arrive after 4 min 14 s;
            // the scene is under control 11 min 1 s later (golden period 10 min: missed); the community passes its
            // assignment on to the HQ, which never acknowledges it, and breaches its on-scene deadline.
            String grievance = "grv-" + UUID.randomUUID();
            Resolutions.sendSample(EventType.GRIEVANCE_RECEIVED, incident, d -> d.put("grievanceId", grievance));
            Resolutions.sendSample(EventType.INCIDENT_REPORTED, incident, d -> { });
            Resolutions.sendSample(EventType.GRIEVANCE_LINKED, incident, d -> d.put("grievanceId", grievance));
            Resolutions.sendSample(EventType.ASSIGNMENT_CREATED, incident, d -> { });
            Resolutions.sendSample(EventType.ASSIGNMENT_CREATED, incident, d -> d.put("assignmentId", "asg-2026-0107-03")
                    .put("agencyId", "community-binhe").put("agencyRole", "community"));
            Resolutions.sendSample(EventType.ASSIGNMENT_ACKNOWLEDGED, incident, d -> { });
            Resolutions.sendSample(EventType.ASSIGNMENT_ON_SCENE, incident, d -> { });
            Resolutions.sendSample(EventType.MILESTONE_RECORDED, incident, d -> d.put("milestone", "scene-under-control")
                    .put("recordedAt", "2026-03-14T05:58:39Z"));
            Resolutions.sendSample(EventType.ASSIGNMENT_REFERRED, incident, d -> { });
            Resolutions.sendSample(EventType.ASSIGNMENT_DEADLINE_BREACHED, incident, d -> { });
            EventEnvelope agreed = Resolutions.agreement(incident, "agr-" + UUID.randomUUID(), agency, clock.instant());
            Resolutions.send(agreed);
            // Grievance, dispatch and department events travel on topics of their own: the review may only be
            // judged once followup has taken in all of them (grievance.received names no incident yet, so it is
            // not on the incident's timeline but in followup's grievance receipts).
            await().atMost(Duration.ofSeconds(60)).until(() -> Db.count("SELECT count(*) FROM incident_event WHERE incident_id = ? "
                    + "AND ce_type NOT LIKE 'io.liandong.followup.%' AND ce_type NOT LIKE 'io.liandong.review.%'", incident) == 10
                    && Db.count("SELECT count(*) FROM followup_grievance WHERE grievance_id = ?", grievance) == 1);

            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(rs -> of(rs, incident, PLAN_CREATED).size() >= 1,
                    Duration.ofSeconds(60));
            FollowupPlanCreated plan = read(of(records, incident, PLAN_CREATED).get(0), FollowupPlanCreated.class);
            assertThat(plan.items()).hasSize(4);
            String first = plan.items().stream().min(java.util.Comparator.comparing(i -> i.dueAt())).orElseThrow().itemId();

            // Ten days on, the first commitment (due in 10 days) is overdue and goes to rung 1; a day later, rung 2.
            clock.advance(Duration.ofDays(10));
            scheduler.fireDue();
            clock.advance(Duration.ofDays(1));
            scheduler.fireDue();
            records = reader.readUntil(rs -> of(rs, incident, ESCALATED).size() >= 2, Duration.ofSeconds(60));
            assertThat(of(records, incident, OVERDUE)).hasSize(1);
            assertThat(read(of(records, incident, OVERDUE).get(0), FollowupItemOverdue.class).itemId()).isEqualTo(first);
            assertThat(of(records, incident, ESCALATED)).map(r -> read(r, FollowupItemEscalated.class))
                    .extracting(e -> e.level() + " " + e.escalatedTo()).containsExactly("1 " + agency, "2 " + agency + "-lead");

            // The HQ closes the incident: the review is published once, from the event log, and its three findings
            // become a plan of corrective actions.
            EventEnvelope closed = Resolutions.sendSample(EventType.INCIDENT_STATUS_CHANGED, incident,
                    d -> d.put("from", "resolved").put("to", "closed").put("changedAt", "2026-03-14T08:00:00Z"));
            records = reader.readUntil(rs -> of(rs, incident, REVIEW).size() >= 1 && of(rs, incident, PLAN_CREATED).size() >= 2,
                    Duration.ofSeconds(60));
            ConsumerRecord<String, byte[]> record = of(records, incident, REVIEW).get(0);
            assertThat(TopicReader.header(record, CloudEventHeaders.CE_CAUSATIONID)).isEqualTo(closed.id());
            ReviewPublished review = read(record, ReviewPublished.class);
            assertThat(review.incidentId()).isEqualTo(incident);
            assertThat(review.breachCount()).isEqualTo(1);
            assertThat(review.correctiveActionCount()).isEqualTo(3);
            assertThat(review.summary()).isEqualTo("2 agencies, 1 deadline breaches, 1 of 1 hand-offs late, golden period missed, "
                    + "0 mediation rounds, 4 commitment items (4 not verified, 1 overdue), 3 corrective actions");
            FollowupPlanCreated actions = read(of(records, incident, PLAN_CREATED).get(1), FollowupPlanCreated.class);
            assertThat(actions.source()).isEqualTo(PlanSource.REVIEW);
            assertThat(actions.sourceId()).isEqualTo(review.reviewId());
            assertThat(actions.items()).extracting(i -> i.owner().id())
                    .containsExactly("community-binhe", "city-command-hq", "police-binjiang-branch");
            assertThat(actions.items()).allSatisfy(i -> {
                assertThat(i.verifierAgencyId()).isEqualTo("city-command-hq");
                assertThat(i.dueAt()).isEqualTo(review.publishedAt().plus(Duration.ofDays(30)));
            });

            // The same review as JSON: the golden period, the hand-off, the grievance lead, the tracked actions.
            As.hq().get("/api/v1/incidents/" + incident + "/review").then().statusCode(200)
                    .body("goldenPeriod.compliance", equalTo("missed")).body("goldenPeriod.elapsedSeconds", equalTo(661))
                    .body("goldenPeriod.targetSeconds", equalTo(600))
                    .body("handoffs[0].toAgencyId", equalTo("city-command-hq")).body("handoffs[0].late", equalTo(true))
                    .body("handoffs[0].delaySeconds", nullValue())
                    .body("grievanceLead.firstGrievanceId", equalTo(grievance))
                    .body("grievanceLead.firstToIncidentSeconds", equalTo(1840))
                    .body("correctiveActionCount", equalTo(3))
                    .body("correctiveActions.itemId", contains(actions.items().stream().map(i -> i.itemId()).toArray()))
                    .body("correctiveActions[0].issue", containsString("community-binhe (community) breached its on-scene deadline"))
                    .body("correctiveActions[0].status", equalTo("pending"));
            assertThat(review.agencyResponses()).extracting(AgencyResponse::agencyId)
                    .containsExactly("police-binjiang-branch", "community-binhe");
            AgencyResponse police = review.agencyResponses().get(0);
            assertThat(police.acknowledgedAfter()).isEqualTo(Duration.ofSeconds(27));
            assertThat(police.onSceneAfter()).isEqualTo(Duration.ofSeconds(254));
            assertThat(police.onSceneLimit()).isEqualTo(Duration.ofMinutes(5));
            assertThat(police.breached()).isFalse();
            AgencyResponse community = review.agencyResponses().get(1);
            assertThat(community.onSceneAfter()).isNull();
            assertThat(community.breached()).isTrue();
        }
    }

    private static <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return EventJson.read(new String(record.value(), StandardCharsets.UTF_8), type);
    }

    private static List<ConsumerRecord<String, byte[]>> of(List<ConsumerRecord<String, byte[]>> records, String incident, String type) {
        return records.stream().filter(r -> incident.equals(r.key()))
                .filter(r -> type.equals(TopicReader.header(r, CloudEventHeaders.CE_TYPE))).toList();
    }
}
