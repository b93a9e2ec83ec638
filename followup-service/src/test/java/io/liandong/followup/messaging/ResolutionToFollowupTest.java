package io.liandong.followup.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.Topics;
import io.liandong.contracts.followup.FollowupItemEscalated;
import io.liandong.contracts.followup.FollowupItemOverdue;
import io.liandong.contracts.followup.FollowupPlanCreated;
import io.liandong.contracts.followup.PlanSource;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.followup.support.Db;
import io.liandong.followup.support.Resolutions;
import io.liandong.contracts.CloudEventHeaders;
import io.liandong.platform.deadline.DeadlineScheduler;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * Kafka in, Kafka out: resolution.agreed on liandong.department.events becomes a plan announced on
 * liandong.followup.events; a redelivery changes nothing; a second agreement adds a plan; a failed
 * mediation becomes a "mediate again" item; an overdue item's escalation reaches Kafka once the
 * (moved) clock passes its due date.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ResolutionToFollowupTest {

    static final String PLAN_CREATED = "io.liandong.followup.plan-created.v1";
    static final String OVERDUE = "io.liandong.followup.item-overdue.v1";
    static final String ESCALATED = "io.liandong.followup.item-escalated.v1";

    @Inject
    MovableClock clock;

    @Inject
    DeadlineScheduler scheduler;

    @Test
    void anAgreementBecomesAPlanOnKafkaOnceAndASecondAgreementAddsAnother() {
        String incident = "inc-" + UUID.randomUUID();
        String agency = "bureau-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope agreed = Resolutions.agreement(incident, "agr-" + UUID.randomUUID(), agency, clock.instant());
        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.FOLLOWUP_EVENTS)) {
            Resolutions.send(agreed);
            Resolutions.send(agreed);                     // redelivered: changes nothing
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(rs -> of(rs, incident, PLAN_CREATED).size() >= 1,
                    Duration.ofSeconds(60));
            ConsumerRecord<String, byte[]> record = of(records, incident, PLAN_CREATED).get(0);
            FollowupPlanCreated plan = EventJson.read(new String(record.value(), StandardCharsets.UTF_8), FollowupPlanCreated.class);
            assertThat(plan.sourceId()).isEqualTo(agreed.subject());
            assertThat(plan.items()).hasSize(4).allSatisfy(i -> assertThat(i.dueAt()).isAfter(clock.instant()));
            assertThat(plan.items().get(3).owner().id()).isEqualTo(agency);
            assertThat(TopicReader.header(record, CloudEventHeaders.CE_CAUSATIONID)).isEqualTo(agreed.id());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "SELECT count(*) FROM inbox_event WHERE consumer = 'followup-service' AND event_id = ?", agreed.id()) == 1);

        Resolutions.agreed(incident, agency, clock.instant());
        As.hq().get("/api/v1/incidents/" + incident + "/followup-plans").then().statusCode(200).body("$", hasSize(2));
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE ce_type = ? AND incident_id = ?", PLAN_CREATED, incident))
                .isEqualTo(2);
    }

    @Test
    void stagedAndRecurringCommitmentsAreTrackedPerStageAndOccurrence() {
        String incident = "inc-" + UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String agreementId = "agr-" + UUID.randomUUID();
        Resolutions.send(Resolutions.agreement(incident, agreementId, "commerce-bureau", now, commitments -> {
            var staged = ((com.fasterxml.jackson.databind.node.ObjectNode) commitments.get(0)).putObject("schedule");
            staged.put("kind", "staged");
            var stages = staged.putArray("stages");
            for (int s = 1; s <= 3; s++) {
                stages.addObject().put("stage", s).put("dueAt", now.plus(Duration.ofDays(30L * s)).toString())
                        .put("description", "third " + s);
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) commitments.get(1)).putObject("schedule").put("kind", "recurring")
                    .put("startsAt", "2027-01-31T16:00:00Z").put("every", "P1M").put("occurrences", 3);
        }));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM followup_item WHERE incident_id = ?", incident) == 8);
        assertThat(Db.strings("SELECT occurrence || ' ' || due_at AT TIME ZONE 'UTC' FROM followup_item WHERE commitment_id = ? "
                + "ORDER BY occurrence", agreementId + "-c2"))
                .containsExactly("1 2027-01-31 16:00:00", "2 2027-02-28 16:00:00", "3 2027-03-31 16:00:00");
        As.hq().get("/api/v1/incidents/" + incident + "/followup-plans").then().statusCode(200)
                .body("[0].items.findAll { it.commitmentId == '" + agreementId + "-c1' }.occurrence",
                        org.hamcrest.Matchers.contains(1, 2, 3))
                .body("[0].items.findAll { it.commitmentId == '" + agreementId + "-c1' }[2].action",
                        org.hamcrest.Matchers.containsString("(stage 3: third 3)"));
    }

    @Test
    void aFailedMediationMeansMediatingAgainWithinTheDaysItNamesOrTheDefault() {
        String incident = "inc-" + UUID.randomUUID();
        Instant failedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Resolutions.send(Resolutions.failure(incident, "med-" + UUID.randomUUID(), "commerce-bureau", failedAt, 5));
        Resolutions.send(Resolutions.failure(incident, "med-" + UUID.randomUUID(), "commerce-bureau", failedAt, 0));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM followup_item WHERE incident_id = ?", incident) == 2);
        As.hq().get("/api/v1/incidents/" + incident + "/followup-plans").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].source", equalTo("mediation-failed"))
                .body("[0].items[0].owner.id", equalTo("commerce-bureau"))
                .body("[0].items[0].responsibleAgencyId", equalTo("commerce-bureau"));
        assertThat(Db.strings("SELECT to_char(due_at - ?::timestamptz, 'DD') FROM followup_item WHERE incident_id = ? ORDER BY due_at",
                failedAt.toString(), incident)).containsExactly("05", "07");
    }

    @Test
    void aFailedMediationsPlanIsAnnouncedAndTheHqVerifiesTheNewMediation() {
        String incident = "inc-" + UUID.randomUUID();
        String agency = "bureau-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope failed = Resolutions.failure(incident, "med-" + UUID.randomUUID(), agency, clock.instant(), 5);
        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.FOLLOWUP_EVENTS)) {
            Resolutions.send(failed);
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(rs -> of(rs, incident, PLAN_CREATED).size() >= 1,
                    Duration.ofSeconds(60));
            ConsumerRecord<String, byte[]> record = of(records, incident, PLAN_CREATED).get(0);
            FollowupPlanCreated plan = EventJson.read(new String(record.value(), StandardCharsets.UTF_8), FollowupPlanCreated.class);
            assertThat(plan.source()).isEqualTo(PlanSource.MEDIATION_FAILED);
            assertThat(plan.sourceId()).isEqualTo(failed.subject());
            assertThat(plan.items()).singleElement().satisfies(i -> {
                assertThat(i.owner().id()).isEqualTo(agency);
                assertThat(i.verifierAgencyId()).isEqualTo("city-command-hq");
                assertThat(i.action()).startsWith("mediate again within 5 days");
            });
            assertThat(TopicReader.header(record, CloudEventHeaders.CE_CAUSATIONID)).isEqualTo(failed.id());
        }
        String item = Db.strings("SELECT id FROM followup_item WHERE incident_id = ?", incident).get(0);
        String etag = As.agency(agency).header("If-Match", "\"0\"")
                .post("/api/v1/followup-items/" + item + "/start").then().statusCode(200).extract().header("ETag");
        etag = As.agency(agency).header("If-Match", etag).contentType("application/json")
                .body(java.util.Map.of("note", "second session held", "evidenceUrls", List.of("https://files.example.org/minutes.pdf")))
                .post("/api/v1/followup-items/" + item + "/done").then().statusCode(200).extract().header("ETag");
        long events = Db.eventCount(item);
        // the department cannot verify its own item, not even naming the HQ; the HQ must call as itself
        As.agency(agency).header("If-Match", etag).contentType("application/json")
                .body(java.util.Map.of("beneficiaryId", agency)).post("/api/v1/followup-items/" + item + "/verify").then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("beneficiaryId"));
        As.agency(agency).header("If-Match", etag).contentType("application/json")
                .body(java.util.Map.of("beneficiaryId", "city-command-hq")).post("/api/v1/followup-items/" + item + "/verify").then()
                .statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("agency"));
        As.partner("binjiang-merchants-app").header("If-Match", etag).contentType("application/json")
                .body(java.util.Map.of("beneficiaryId", "city-command-hq")).post("/api/v1/followup-items/" + item + "/verify").then()
                .statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("agency"));
        assertThat(Db.eventCount(item)).isEqualTo(events);
        As.agency("city-command-hq").header("If-Match", etag).contentType("application/json")
                .body(java.util.Map.of("beneficiaryId", "city-command-hq", "note", "minutes checked"))
                .post("/api/v1/followup-items/" + item + "/verify").then().statusCode(200).body("status", equalTo("verified"));
        assertThat(Db.events("io.liandong.followup.item-verified.v1", item)).singleElement().asString()
                .contains("\"verifiedBy\":\"city-command-hq\"");
    }

    @Test
    void anAgreementReachedInANewMediationSettlesTheIncidentsMediateAgainItems() {
        String incident = "inc-" + UUID.randomUUID();
        String other = "inc-" + UUID.randomUUID();
        Instant failedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Resolutions.send(Resolutions.failure(incident, "med-" + UUID.randomUUID(), "commerce-bureau", failedAt, 5));
        Resolutions.send(Resolutions.failure(other, "med-" + UUID.randomUUID(), "commerce-bureau", failedAt, 5));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM followup_item WHERE incident_id IN (?, ?)", incident, other) == 2);
        String item = Db.strings("SELECT id FROM followup_item WHERE incident_id = ?", incident).get(0);
        String untouched = Db.strings("SELECT id FROM followup_item WHERE incident_id = ?", other).get(0);
        As.agency("commerce-bureau").header("If-Match", "\"0\"")
                .post("/api/v1/followup-items/" + item + "/start").then().statusCode(200);

        Resolutions.agreed(incident, "commerce-bureau", clock.instant());     // the sample agreement's mediation is another one

        As.hq().get("/api/v1/followup-items/" + item).then().statusCode(200).body("status", equalTo("verified"))
                .body("doneAt", org.hamcrest.Matchers.notNullValue());
        assertThat(Db.events("io.liandong.followup.item-updated.v1", item)).last().asString()
                .contains("\"from\":\"in-progress\"", "\"to\":\"verified\"", "\"updatedBy\":\"department-service\"");
        assertThat(Db.events("io.liandong.followup.item-verified.v1", item)).singleElement().asString()
                .contains("\"verifiedBy\":\"department-service\"", "agreement agr-");
        assertThat(Db.count("SELECT count(*) FROM platform_deadline WHERE subject = ? AND fired_at IS NULL AND cancelled_at IS NULL",
                item)).isZero();
        As.hq().get("/api/v1/followup-items/" + untouched).then().statusCode(200).body("status", equalTo("pending"));
    }

    @Test
    void anOverdueItemIsAnnouncedAndEscalatedOnKafka() {
        String incident = "inc-" + UUID.randomUUID();
        String agency = "bureau-" + UUID.randomUUID().toString().substring(0, 8);
        String item = Resolutions.agreed(incident, agency, clock.instant()).get(0);
        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.FOLLOWUP_EVENTS)) {
            clock.advance(Duration.ofDays(10));
            scheduler.fireDue();
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    rs -> of(rs, incident, OVERDUE).size() >= 1 && of(rs, incident, ESCALATED).size() >= 1, Duration.ofSeconds(60));
            FollowupItemOverdue overdue = EventJson.read(new String(of(records, incident, OVERDUE).get(0).value(),
                    StandardCharsets.UTF_8), FollowupItemOverdue.class);
            assertThat(overdue.itemId()).isEqualTo(item);
            FollowupItemEscalated escalated = EventJson.read(new String(of(records, incident, ESCALATED).get(0).value(),
                    StandardCharsets.UTF_8), FollowupItemEscalated.class);
            assertThat(escalated.level()).isEqualTo(1);
            assertThat(escalated.escalatedTo()).isEqualTo(agency);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> of(List<ConsumerRecord<String, byte[]>> records, String incident, String type) {
        return records.stream().filter(r -> incident.equals(r.key()))
                .filter(r -> type.equals(TopicReader.header(r, CloudEventHeaders.CE_TYPE))).toList();
    }
}
