package io.liandong.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.grievance.GrievanceTriaged;
import io.liandong.contracts.grievance.GrievancePriority;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final Instant AT = Instant.parse("2026-03-14T05:43:22Z");

    @Test
    void takesTypeSourceSubjectAndIncidentFromThePayload() {
        GrievanceLinked linked = new GrievanceLinked("grv-2026-000418", "inc-2026-0107", "grievance-service", AT, "cls-2026-0031");

        EventEnvelope envelope = EventEnvelope.of("evt-42", AT, linked, "evt-7", "evt-41");

        assertThat(envelope.type()).isEqualTo(EventType.GRIEVANCE_LINKED);
        assertThat(envelope.source()).isEqualTo("/grievance-service");
        assertThat(envelope.subject()).isEqualTo("grv-2026-000418");
        assertThat(envelope.incidentId()).isEqualTo("inc-2026-0107");
        assertThat(envelope.correlationId()).isEqualTo("evt-7");
        assertThat(envelope.causationId()).isEqualTo("evt-41");
        assertThat(envelope.topic()).isEqualTo(Topics.GRIEVANCE_EVENTS);
        assertThat(envelope.payload()).isEqualTo(linked);
    }

    @Test
    void isKeyedByTheIncidentSoAnIncidentsStoryStaysInOnePartition() {
        GrievanceLinked linked = new GrievanceLinked("grv-2026-000418", "inc-2026-0107", "grievance-service", AT, null);

        assertThat(EventEnvelope.of("evt-1", AT, linked, null, null).partitionKey()).isEqualTo("inc-2026-0107");
    }

    @Test
    void isKeyedByTheAggregateOutsideAnyIncident() {
        GrievanceTriaged triaged = new GrievanceTriaged("grv-2026-000418", "commercial-dispute", "rent-increase",
                GrievancePriority.URGENT, "grievance-service", AT, null);

        EventEnvelope envelope = EventEnvelope.of("evt-1", AT, triaged, null, null);

        assertThat(envelope.incidentId()).isNull();
        assertThat(envelope.partitionKey()).isEqualTo("grv-2026-000418");
    }

    @Test
    void startsANewCorrelationChainWhenGivenNone() {
        GrievanceTriaged triaged = new GrievanceTriaged("grv-1", "commercial-dispute", "rent-increase",
                GrievancePriority.LOW, "operator-1", AT, null);

        assertThat(EventEnvelope.of("evt-9", AT, triaged, null, null).correlationId()).isEqualTo("evt-9");
    }

    @Test
    void refusesAPayloadOutsideTheCatalogue() {
        EventPayload stranger = new EventPayload() {
            @Override
            public String subject() {
                return "x";
            }

            @Override
            public Optional<String> incident() {
                return Optional.empty();
            }
        };

        assertThatThrownBy(() -> EventEnvelope.of("evt-1", AT, stranger, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalogue");
    }

    @Test
    void refusesAnEnvelopeWithoutItsRequiredAttributes() {
        assertThatThrownBy(() -> new EventEnvelope(null, EventType.GRIEVANCE_LINKED, "/grievance-service", "grv-1", AT,
                null, null, null, "{}")).isInstanceOf(NullPointerException.class).hasMessage("id");
    }
}
