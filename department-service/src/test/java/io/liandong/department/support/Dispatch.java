package io.liandong.department.support;


import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventPayload;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.PartySide;
import io.liandong.contracts.common.Place;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.Severity;
import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.liandong.platform.testing.As;

/** What dispatch-service (and grievance-service) would publish, written to their topics as they would. */
public final class Dispatch {

    public static final List<Party> PARTIES = List.of(
            new Party("binjiang-merchants", "滨江商圈商户 (merchants)", PartySide.CLAIMANT),
            new Party("binjiang-management-co", "滨江商圈物业管理公司 (management company)", PartySide.RESPONDENT));

    private Dispatch() {
    }

    public static IncidentReported binjiang(String incidentId, String areaCode) {
        return new IncidentReported(incidentId, "commercial-dispute", "rent-increase",
                new Place(30.2084, 120.2119, "滨江商圈管理处", areaCode), Severity.MEDIUM, 120, PARTIES,
                "Merchants besieging the management office over a rent increase", "hq-operator-07", IncidentOrigin.OPERATOR,
                null, "key-areas-standard@1", Duration.ofMinutes(10), Instant.now());
    }

    public static AssignmentCreated assignment(String incidentId, String role, String agencyId) {
        Instant now = Instant.now();
        return new AssignmentCreated("asg-" + UUID.randomUUID(), incidentId, role, agencyId, OnSiteGroup.MEDIATION,
                List.of("收集诉求 (collect the demands)", "组织调解 (run the mediation)"), now.plusSeconds(300),
                now.plusSeconds(1800), "key-areas-standard@1", now);
    }

    /** Sends one event, keyed by its incident, as its producer would; returns its envelope. */
    public static EventEnvelope send(EventPayload payload) {
        return send(EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(), payload, null, null));
    }

    public static EventEnvelope send(EventEnvelope event) {
        sendAll(List.of(event));
        return event;
    }

    /** Sends events in order through one producer, as a busy producer would. */
    public static void sendAll(List<EventEnvelope> events) {
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            for (EventEnvelope event : events) {
                writer.send(CloudEventCodec.toRecord(event.topic(), event.partitionKey(), event));
            }
        }
    }

    public static String etag(String path, String agency) {
        return As.agency(agency).get(path).then().statusCode(200).extract().header("ETag");
    }
}
