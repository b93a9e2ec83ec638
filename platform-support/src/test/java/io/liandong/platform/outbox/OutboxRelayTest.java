package io.liandong.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.Topics;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicReader;
import io.liandong.platform.fixture.NoteService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    NoteService notes;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void aCommittedChangeIsPublishedExactlyOnceWithItsCloudEventHeaders() {
        String incident = "inc-" + UUID.randomUUID();
        var event = notes.write("note-" + UUID.randomUUID(), incident);
        var fence = notes.write("fence-" + UUID.randomUUID(), incident);

        try (var reader = reader()) {
            var records = reader.readUntil(rs -> ids(rs).contains(fence.id()), WAIT);
            var published = records.stream().filter(r -> event.id().equals(header(r, CloudEventHeaders.CE_ID))).toList();
            assertThat(published).hasSize(1);
            var record = published.get(0);
            assertThat(record.key()).isEqualTo(incident);
            assertThat(header(record, CloudEventHeaders.CE_TYPE)).isEqualTo("io.liandong.grievance.linked.v1");
            assertThat(header(record, CloudEventHeaders.CE_SOURCE)).isEqualTo("/grievance-service");
            assertThat(header(record, CloudEventHeaders.CE_SPECVERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEventHeaders.CE_SUBJECT)).isEqualTo(event.subject());
            assertThat(header(record, CloudEventHeaders.CE_TIME)).isEqualTo(event.time().toString());
            assertThat(header(record, CloudEventHeaders.CE_INCIDENTID)).isEqualTo(incident);
            assertThat(header(record, CloudEventHeaders.CE_CORRELATIONID)).isEqualTo(event.id());
            assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(event.dataJson());
        }
        assertThat(unpublished()).isZero();
        // Written with its outbox row, the event joined the incident's timeline as it was published.
        assertThat(count("SELECT count(*) FROM incident_event t JOIN outbox_event o ON o.event_id::text = t.event_id"
                + " WHERE t.event_id = '" + event.id() + "' AND t.incident_id = '" + incident + "'"
                + " AND t.ce_type = o.ce_type AND t.occurred_at = o.ce_time AND t.data = o.payload")).isOne();
    }

    @Test
    void eventsStoredTogetherArePublishedOnceEachInTheirOrderAndJoinTheTimeline() {
        String incident = "inc-" + UUID.randomUUID();
        List<String> notes = java.util.stream.IntStream.range(0, 120).mapToObj(i -> "note-" + i + "-" + UUID.randomUUID()).toList();
        var events = this.notes.linkAll(notes, incident);
        assertThat(events).extracting(e -> e.subject()).containsExactlyElementsOf(notes);

        try (var reader = reader()) {
            var records = reader.readUntil(rs -> ids(rs).contains(events.get(events.size() - 1).id()), WAIT);
            var ours = records.stream().filter(r -> incident.equals(r.key())).map(OutboxRelayTest::id).toList();
            assertThat(ours).containsExactlyElementsOf(events.stream().map(e -> e.id()).toList());
        }
        assertThat(count("SELECT count(*) FROM incident_event WHERE incident_id = '" + incident + "'")).isEqualTo(120);
    }

    @Test
    void anEventTooLargeForKafkaIsRefusedWithItsChangeAndLaterEventsStillFlow() {
        String incident = "inc-" + UUID.randomUUID();
        String tooLarge = "too-large-" + UUID.randomUUID();
        // 333,334 three-byte characters: 1,000,002 bytes of UTF-8, one line over the default limit.
        assertThatThrownBy(() -> notes.write(tooLarge, incident, "联".repeat(333_334)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.liandong.grievance.linked.v1")
                .hasMessageContaining("max-event-bytes = 1000000");
        assertThat(count("SELECT count(*) FROM outbox_event WHERE ce_subject = '" + tooLarge + "'")).isZero();
        assertThat(count("SELECT count(*) FROM fixture_note WHERE id = '" + tooLarge + "'")).isZero();

        String justFits = "just-fits-" + UUID.randomUUID();
        var large = notes.write(justFits, incident, "联".repeat(330_000));
        var fence = notes.write("fence-" + UUID.randomUUID(), incident);
        try (var reader = reader()) {
            var records = reader.readUntil(rs -> ids(rs).contains(fence.id()), WAIT);
            assertThat(ids(records)).contains(large.id());
        }
    }

    @Test
    void aRolledBackChangeIsNeverPublished() {
        String incident = "inc-" + UUID.randomUUID();
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> notes.writeThenFail(rolledBack, incident)).isInstanceOf(IllegalStateException.class);
        var fence = notes.write("fence-" + UUID.randomUUID(), incident);

        try (var reader = reader()) {
            var records = reader.readUntil(rs -> ids(rs).contains(fence.id()), WAIT);
            assertThat(records).noneMatch(r -> rolledBack.equals(header(r, CloudEventHeaders.CE_SUBJECT)));
        }
        assertThat(count("SELECT count(*) FROM outbox_event WHERE ce_subject = '" + rolledBack + "'")).isZero();
        assertThat(count("SELECT count(*) FROM incident_event WHERE ce_subject = '" + rolledBack + "'")).isZero();
        assertThat(count("SELECT count(*) FROM fixture_note WHERE id = '" + rolledBack + "'")).isZero();
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownArePublishedInOrderWhenItReturns() {
        String incident = "inc-" + UUID.randomUUID();
        List<String> written = new ArrayList<>();
        Devstack.kafka().stop();
        try {
            for (int i = 0; i < 5; i++) {
                written.add(notes.write("offline-" + i + "-" + UUID.randomUUID(), incident).id());
            }
            assertThat(count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND incident_id = '"
                    + incident + "'")).isEqualTo(5);
        } finally {
            Devstack.kafka().start();
        }
        relay.wake();

        try (var reader = reader()) {
            var records = reader.readUntil(rs -> ids(rs).containsAll(written), Duration.ofSeconds(60));
            var ofIncident = records.stream().filter(r -> incident.equals(r.key())).map(OutboxRelayTest::id).toList();
            assertThat(ofIncident).containsExactlyElementsOf(written);
        }
    }

    @Test
    void twoRelaysDrainingAtOnceStillPublishEachEventOnceAndInOrder() throws Exception {
        List<String> incidents = List.of("inc-a-" + UUID.randomUUID(), "inc-b-" + UUID.randomUUID(),
                "inc-c-" + UUID.randomUUID());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService secondReplica = Executors.newSingleThreadExecutor();
        List<String> written = new ArrayList<>();
        try (RelayWorker second = relay.newWorker()) {
            Future<?> draining = secondReplica.submit(() -> {
                while (writing.get()) {
                    second.publishBatch();
                }
                second.publishBatch();
            });
            for (int i = 0; i < 60; i++) {
                written.add(notes.write("pair-" + i + "-" + UUID.randomUUID(), incidents.get(i % 3)).id());
            }
            writing.set(false);
            draining.get();
        } finally {
            secondReplica.shutdownNow();
        }

        try (var reader = reader()) {
            var records = reader.readUntil(rs -> ids(rs).containsAll(written), WAIT);
            var ours = records.stream().map(OutboxRelayTest::id).filter(written::contains).toList();
            assertThat(ours).hasSize(written.size()).doesNotHaveDuplicates();
            for (String incident : incidents) {
                var expected = new ArrayList<String>();
                for (int i = 0; i < written.size(); i++) {
                    if (incidents.get(i % 3).equals(incident)) {
                        expected.add(written.get(i));
                    }
                }
                var actual = records.stream().filter(r -> incident.equals(r.key())).map(OutboxRelayTest::id).toList();
                assertThat(actual).containsExactlyElementsOf(expected);
            }
        }
    }

    private TopicReader reader() {
        return new TopicReader(Devstack.kafka().bootstrapServers(), Topics.GRIEVANCE_EVENTS);
    }

    private long unpublished() {
        return count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
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

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(OutboxRelayTest::id).toList();
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.CE_ID);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicReader.header(record, name);
    }
}
