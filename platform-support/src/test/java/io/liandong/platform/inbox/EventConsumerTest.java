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
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.cloudevents.PoisonEventException;
import io.liandong.platform.fixture.ProbeConsumer;
import io.liandong.platform.fixture.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class EventConsumerTest {

    private static final String PROBE_TOPIC = "liandong.probe.events";

    @Inject
    DataSource dataSource;

    @Inject
    EventConsumer consumer;

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
    void eventsPolledTogetherAreHandledInOneTransactionEachOnce() {
        String incident = "inc-" + UUID.randomUUID();
        List<EventEnvelope> events = List.of(incidentReported(incident), incidentReported(incident), incidentReported(incident));
        List<EventConsumer.Polled> polled = new ArrayList<>(events.stream().map(EventConsumerTest::polled).toList());
        polled.add(polled(events.get(1)));  // a redelivery within the same poll

        assertThat(consumer.handleAll("probe-together", polled, effects(id -> false))).isEmpty();

        for (EventEnvelope event : events) {
            assertThat(effects(event.id())).as("effects of " + event.id()).isEqualTo(1);
        }
        assertThat(count("SELECT count(DISTINCT tx) FROM fixture_effect WHERE subject = '" + incident + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE consumer = 'probe-together' AND event_id IN ("
                + events.stream().map(e -> "'" + e.id() + "'").collect(Collectors.joining(",")) + ")")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM incident_event WHERE incident_id = '" + incident + "'")).isEqualTo(3);
    }

    @Test
    void anEventThatFailsInABatchFailsAloneAndTheOthersAreHandledOnce() {
        String incident = "inc-" + UUID.randomUUID();
        EventEnvelope before = incidentReported(incident);
        EventEnvelope failing = incidentReported(incident);
        EventEnvelope after = incidentReported(incident);
        var poison = new EventConsumer.Polled(new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8));
        List<EventConsumer.Polled> polled = List.of(polled(before), polled(failing), poison, polled(after));

        Map<Integer, RuntimeException> failed = consumer.handleAll("probe-failing", polled, effects(failing.id()::equals));

        assertThat(failed).containsOnlyKeys(1, 2);
        assertThat(failed.get(1)).hasMessageContaining("handling " + EventType.INCIDENT_REPORTED.type() + " " + failing.id())
                .hasMessageContaining("no such incident here");
        assertThat(failed.get(2)).isInstanceOf(PoisonEventException.class);
        // The shared transaction was undone whole, then each event had one of its own.
        assertThat(effects(before.id())).isEqualTo(1);
        assertThat(effects(after.id())).isEqualTo(1);
        assertThat(effects(failing.id())).isZero();
        assertThat(count("SELECT count(DISTINCT tx) FROM fixture_effect WHERE subject = '" + incident + "'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE consumer = 'probe-failing' AND event_id = '" + failing.id() + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM incident_event WHERE incident_id = '" + incident + "'")).isEqualTo(2);
    }

    @Test
    void aFailureOfTheMomentIsWaitedOutByTheBatchTogether() {
        String incident = "inc-" + UUID.randomUUID();
        List<EventEnvelope> events = List.of(incidentReported(incident), incidentReported(incident), incidentReported(incident));
        AtomicInteger busy = new AtomicInteger(1);
        EventHandlers handlers = EventHandlers.builder()
                .on(EventType.INCIDENT_REPORTED, IncidentReported.class, event -> {
                    if (event.envelope().id().equals(events.get(2).id()) && busy.getAndDecrement() > 0) {
                        throw new IllegalStateException(new SQLTransientConnectionException("Sorry, acquisition timeout!"));
                    }
                    ProbeConsumer.effect(dataSource, event.envelope());
                })
                .build();

        assertThat(consumer.handleAll("probe-busy", events.stream().map(EventConsumerTest::polled).toList(), handlers)).isEmpty();

        for (EventEnvelope event : events) {
            assertThat(effects(event.id())).as("effects of " + event.id()).isEqualTo(1);
        }
        assertThat(count("SELECT count(DISTINCT tx) FROM fixture_effect WHERE subject = '" + incident + "'")).isEqualTo(1);
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
        return Samples.incidentReported(incidentId);
    }

    private static EventConsumer.Polled polled(EventEnvelope event) {
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(PROBE_TOPIC, event.incidentId(), event);
        return new EventConsumer.Polled(record.headers(), record.value());
    }

    /** Handlers that write an effect row per incident report, and fail for the events {@code fails} picks. */
    private EventHandlers effects(Predicate<String> fails) {
        return EventHandlers.builder()
                .on(EventType.INCIDENT_REPORTED, IncidentReported.class, event -> {
                    if (fails.test(event.envelope().id())) {
                        throw new IllegalArgumentException("no such incident here");
                    }
                    ProbeConsumer.effect(dataSource, event.envelope());
                })
                .build();
    }

    private static EventEnvelope withId(EventEnvelope e, String id) {
        return new EventEnvelope(id, e.type(), e.source(), e.subject(), e.time(), e.incidentId(), e.correlationId(),
                e.causationId(), e.dataJson());
    }

    private void send(ProducerRecord<String, byte[]> record) {
        writer.send(record);
    }

    private long effects(String eventId) {
        return ProbeConsumer.effects(dataSource, eventId);
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
