package io.liandong.department.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ScheduleKind;
import io.liandong.department.support.Binjiang;
import io.liandong.department.support.Dispatch;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * The Binjiang story through department-service: dispatch's assignment.created on Kafka puts the
 * commerce bureau's part in its inbox; the bureau works it and mediates through the API; the signed
 * agreement leaves on Kafka as resolution.agreed with its commitments and the linked grievances.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class BinjiangFlowTest {

    static final String BUREAU = "commerce-bureau";

    static RequestSpecification bureau() {
        return As.agency(BUREAU).contentType(ContentType.JSON);
    }

    @Test
    void fromAssignmentCreatedOnKafkaToResolutionAgreedOnKafka() {
        String incident = "inc-" + UUID.randomUUID();
        Dispatch.send(Dispatch.binjiang(incident, "330108"));
        String[] grievances = {"grv-" + UUID.randomUUID(), "grv-" + UUID.randomUUID()};
        for (String g : grievances) {
            Dispatch.send(new GrievanceLinked(g, incident, "grievance-service", Instant.now(), "cls-1"));
        }
        AssignmentCreated created = Dispatch.assignment(incident, "competent-department", BUREAU);
        Dispatch.send(created);

        String path = "/api/v1/agencies/" + BUREAU + "/assignments/" + created.assignmentId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> bureau().get(path).then().statusCode(200)
                .body("incident.linkedGrievanceIds", hasSize(2)));
        bureau().get(path).then().body("incident.address", equalTo("滨江商圈管理处"));
        bureau().header("If-Match", Dispatch.etag(path, BUREAU)).body("{\"acknowledgedBy\": \"liu-ming\"}")
                .post(path + "/acknowledge").then().statusCode(200);
        bureau().header("If-Match", Dispatch.etag(path, BUREAU)).body("{\"reportedBy\": \"liu-ming\"}")
                .post(path + "/en-route").then().statusCode(200);
        bureau().header("If-Match", Dispatch.etag(path, BUREAU)).body("{\"reportedBy\": \"liu-ming\", \"personnelCount\": 3}")
                .post(path + "/on-scene").then().statusCode(200);

        // Mediation between the incident's parties, as dispatch reported them.
        String m = bureau().body("{\"incidentId\": \"" + incident + "\", \"openedBy\": \"liu-ming\"}").post("/api/v1/mediations")
                .then().statusCode(201).body("parties", hasSize(2)).extract().path("id");
        String mp = "/api/v1/mediations/" + m;
        bureau().body(Binjiang.SESSION).post(mp + "/sessions").then().statusCode(201);
        String first = bureau().body(Binjiang.PROPOSAL).post(mp + "/proposals").then().statusCode(201).extract().path("id");
        bureau().body(Binjiang.COUNTER).post(mp + "/proposals/" + first + "/answers").then().statusCode(200);
        String second = bureau().body(Binjiang.FINAL_PROPOSAL).post(mp + "/proposals").then().statusCode(201).extract().path("id");
        for (String party : new String[] {"binjiang-merchants", "binjiang-management-co"}) {
            bureau().body("{\"partyId\": \"" + party + "\", \"answer\": \"accept\"}").post(mp + "/proposals/" + second + "/answers")
                    .then().statusCode(200);
        }
        String etag = bureau().get(mp).then().extract().header("ETag");
        String agreementId = bureau().header("If-Match", etag).body(Binjiang.AGREEMENT).post(mp + "/agreement").then()
                .statusCode(200).body("status", equalTo("agreed")).body("agreement.commitments", hasSize(4))
                .extract().path("agreement.agreementId");

        try (var reader = new TopicReader(Devstack.kafka().bootstrapServers(), "liandong.department.events")) {
            var records = reader.readUntil(rs -> rs.stream().anyMatch(r -> agreementId.equals(TopicReader.header(r, "ce_subject"))),
                    Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> record = records.stream()
                    .filter(r -> agreementId.equals(TopicReader.header(r, "ce_subject"))).findFirst().orElseThrow();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("io.liandong.resolution.agreed.v1");
            assertThat(TopicReader.header(record, "ce_incidentid")).isEqualTo(incident);
            assertThat(record.key()).isEqualTo(incident);
            ResolutionAgreed agreed = (ResolutionAgreed) EventJson.read(new String(record.value(), StandardCharsets.UTF_8),
                    EventType.RESOLUTION_AGREED);
            assertThat(agreed.mediationId()).isEqualTo(m);
            assertThat(agreed.linkedGrievanceIds()).containsExactly(grievances);
            assertThat(agreed.signatories()).hasSize(3);
            assertThat(agreed.commitments()).hasSize(4);
            var rents = agreed.commitments().get(0);
            assertThat(rents.schedule().kind()).isEqualTo(ScheduleKind.STAGED);
            assertThat(rents.schedule().stages()).hasSize(3);
            var fee = agreed.commitments().get(1);
            assertThat(fee.schedule().every()).isEqualTo(Period.ofMonths(1));
            assertThat(fee.schedule().occurrences()).isEqualTo(6);
            assertThat(agreed.commitments().get(2).schedule().occurrences()).isEqualTo(12);
            var check = agreed.commitments().get(3);
            assertThat(check.owner().id()).isEqualTo(BUREAU);
            assertThat(check.verification().verifierAgencyId()).isEqualTo("city-command-hq");
            assertThat(agreed.commitments()).allSatisfy(c -> assertThat(c.commitmentId()).startsWith(agreementId));

            // The whole story is on the topic in order: the bureau's moves, the mediation, the agreement.
            JsonNode types = EventJson.mapper().valueToTree(records.stream()
                    .filter(r -> incident.equals(TopicReader.header(r, "ce_incidentid")))
                    .map(r -> TopicReader.header(r, "ce_type")).toList());
            assertThat(types.toString()).contains("assignment.acknowledged", "assignment.on-scene", "mediation.session-held",
                    "mediation.proposal-made", "mediation.proposal-answered", "resolution.agreed");
        }
        bureau().get(path).then().body("timeline.type", hasItem("io.liandong.resolution.agreed.v1"));
    }
}
