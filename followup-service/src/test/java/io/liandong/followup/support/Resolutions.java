package io.liandong.followup.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sends department-service's resolution events on Kafka, built from the golden samples. */
public final class Resolutions {

    private Resolutions() {
    }

    /**
     * The Binjiang agreement for {@code incident}, its four commitments made the responsibility of
     * {@code agency}, each once, due 10, 20, 30 and 40 days after {@code now}.
     */
    public static EventEnvelope agreement(String incident, String agreementId, String agency, Instant now) {
        return agreement(incident, agreementId, agency, now, commitments -> { });
    }

    /** As above, then {@code edit} changes the commitments (e.g. their schedules). */
    public static EventEnvelope agreement(String incident, String agreementId, String agency, Instant now,
                                          java.util.function.Consumer<ArrayNode> edit) {
        ObjectNode data = (ObjectNode) EventJson.readTree(EventType.RESOLUTION_AGREED.sampleJson());
        data.put("incidentId", incident);
        data.put("agreementId", agreementId);
        ArrayNode commitments = (ArrayNode) data.get("commitments");
        for (int i = 0; i < commitments.size(); i++) {
            ObjectNode c = (ObjectNode) commitments.get(i);
            c.put("commitmentId", agreementId + "-c" + (i + 1));
            c.put("dueAt", now.plus(Duration.ofDays(10L * (i + 1))).toString());
            c.putObject("schedule").put("kind", "once");
            ObjectNode owner = (ObjectNode) c.get("owner");
            if ("agency".equals(owner.get("kind").asText())) {
                owner.put("id", agency);
            } else {
                ((ObjectNode) c.get("verification")).put("verifierAgencyId", agency);
            }
        }
        edit.accept(commitments);
        return envelope(EventType.RESOLUTION_AGREED, data);
    }

    public static EventEnvelope failure(String incident, String mediationId, String agency, Instant failedAt, int days) {
        ObjectNode data = (ObjectNode) EventJson.readTree(EventType.RESOLUTION_FAILED.sampleJson());
        data.put("incidentId", incident);
        data.put("mediationId", mediationId);
        data.put("competentAgencyId", agency);
        data.put("failedAt", failedAt.toString());
        data.put("mediateAgainWithinDays", days);
        return envelope(EventType.RESOLUTION_FAILED, data);
    }

    /** Sends any type's golden sample about {@code incident} (when the type names one), after {@code edit}. */
    public static EventEnvelope sendSample(EventType type, String incident, java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode data = (ObjectNode) EventJson.readTree(type.sampleJson());
        if (data.has("incidentId")) {
            data.put("incidentId", incident);
        }
        edit.accept(data);
        EventEnvelope event = envelope(type, data);
        send(event);
        return event;
    }

    public static void send(EventEnvelope event) {
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(event.type().topic(), event.incidentId(), event));
        }
    }

    /** Sends an agreement and waits until its items exist; returns their ids, soonest due first. */
    public static List<String> agreed(String incident, String agency, Instant now) {
        String agreementId = "agr-" + UUID.randomUUID();
        send(agreement(incident, agreementId, agency, now));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM followup_item i JOIN followup_plan p ON p.id = i.plan_id WHERE p.source_id = ?",
                agreementId) == 4);
        return Db.strings("SELECT i.id FROM followup_item i JOIN followup_plan p ON p.id = i.plan_id WHERE p.source_id = ? "
                + "ORDER BY i.due_at", agreementId);
    }

    private static EventEnvelope envelope(EventType type, ObjectNode data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(), EventJson.read(data.toString(), type), null, null);
    }
}
