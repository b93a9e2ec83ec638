package io.liandong.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.DeadLetterHeaders;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventType;
import io.liandong.contracts.Topics;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.fixture.ProbeConsumer;
import io.liandong.platform.fixture.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class EventConsumerTest {

    private static final String PROBE_TOPIC = "liandong.probe.events";

    @Inject
    DataSource dataSource;

    private TopicWriter writer;

    @BeforeEach
    void connect() {
        writer = new TopicWriter(Devstack.kafka().bootstrapServers());
    }

    @AfterEach
    void close() {
        writer.close();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        EventEnvelope event = incidentReported("inc-" + UUID.randomUUID());
        send(CloudEventCodec.toRecord(PROBE_TOPIC, event.incidentId(), event));
        send(CloudEventCodec.toRecord(PROBE_TOPIC, event.incidentId(), event));
        EventEnvelope fence = incidentReported(event.incidentId());
        send(CloudEventCodec.toRecord(PROBE_TOPIC, fence.incidentId(), fence));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(fence.id()) == 1);
        assertThat(effects(event.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE consumer = 'probe' AND event_id = '" + event.id() + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM incident_event WHERE incident_id = '" + event.incidentId() + "'"))
                .isEqualTo(2);
    }

    @Test
    void eventsAreHandledOnTheConsumersOwnWorkersNotOnThoseServingRequests() {
        // Requests queue on the default worker pool when a service is flooded; events must not queue behind them.
        EventEnvelope event = incidentReported("inc-" + UUID.randomUUID());
        send(CloudEventCodec.toRecord(PROBE_TOPIC, event.incidentId(), event));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.id()) == 1);
        assertThat(ProbeConsumer.HANDLED_ON.get(event.id())).startsWith(EventConsumer.WORKERS + "-");
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndLaterEventsStillFlow() {
        String incident = "inc-" + UUID.randomUUID();
        EventEnvelope template = incidentReported(incident);

        var noHeaders = new ProducerRecord<String, byte[]>(PROBE_TOPIC, incident, "{}".getBytes(StandardCharsets.UTF_8));
        noHeaders.headers().add("marker", "no-headers".getBytes(StandardCharsets.UTF_8));
        var unknownType = CloudEventCodec.toRecord(PROBE_TOPIC, incident, withId(template, UUID.randomUUID().toString()));
        unknownType.headers().remove(CloudEventHeaders.CE_TYPE);
        unknownType.headers().add(CloudEventHeaders.CE_TYPE, "io.liandong.incident.teleported.v9".getBytes(StandardCharsets.UTF_8));
        unknownType.headers().add("marker", "unknown-type".getBytes(StandardCharsets.UTF_8));
        var badData = CloudEventCodec.toRecord(PROBE_TOPIC, incident, new EventEnvelope(UUID.randomUUID().toString(),
                template.type(), template.source(), template.subject(), template.time(), incident, null, null,
                "{\"incidentId\": [1, 2"));
        badData.headers().add("marker", "bad-data".getBytes(StandardCharsets.UTF_8));
        send(noHeaders);
        send(unknownType);
        send(badData);
        EventEnvelope good = incidentReported(incident);
        send(CloudEventCodec.toRecord(PROBE_TOPIC, incident, good));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(good.id()) == 1);
        try (var dlq = new TopicReader(Devstack.kafka().bootstrapServers(), Topics.GRIEVANCE_DLQ)) {
            var dead = dlq.readUntil(rs -> rs.stream().filter(r -> incident.equals(r.key())).count() == 3,
                    Duration.ofSeconds(30)).stream().filter(r -> incident.equals(r.key())).toList();
            assertThat(dead).extracting(r -> TopicReader.header(r, "marker"))
                    .containsExactly("no-headers", "unknown-type", "bad-data");
            assertThat(TopicReader.header(dead.get(0), DeadLetterHeaders.REASON)).contains("ce_specversion");
            assertThat(TopicReader.header(dead.get(1), DeadLetterHeaders.REASON))
                    .contains("unknown event type io.liandong.incident.teleported.v9");
            assertThat(TopicReader.header(dead.get(2), DeadLetterHeaders.REASON)).contains("does not fit");
            assertThat(dead).allSatisfy(r -> assertThat(TopicReader.header(r, DeadLetterHeaders.TOPIC)).isEqualTo(PROBE_TOPIC));
        }
    }

    @Test
    void theInformationDelayOfHandledEventsIsMeasuredPerConsumerAndType() {
        EventEnvelope event = incidentReported("inc-" + UUID.randomUUID());
        send(CloudEventCodec.toRecord(PROBE_TOPIC, event.incidentId(), event));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.id()) == 1);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("liandong_information_delay_seconds_count{consumer=\"probe\",type=\"io.liandong.incident.reported.v1\""));
    }

    private static EventEnvelope incidentReported(String incidentId) {
        EventType type = EventType.INCIDENT_REPORTED;
        return new EventEnvelope(UUID.randomUUID().toString(), type, "/dispatch-service", incidentId, Instant.now(),
                incidentId, null, null, Samples.json(type));
    }

    private static EventEnvelope withId(EventEnvelope e, String id) {
        return new EventEnvelope(id, e.type(), e.source(), e.subject(), e.time(), e.incidentId(), e.correlationId(),
                e.causationId(), e.dataJson());
    }

    private void send(ProducerRecord<String, byte[]> record) {
        writer.send(record);
    }

    private long effects(String eventId) {
        return count("SELECT count(*) FROM fixture_effect WHERE event_id = '" + eventId + "'");
    }

    private long count(String sql) {
        try (var connection = dataSource.getConnection();
             var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
