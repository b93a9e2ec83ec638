package io.liandong.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The golden samples are valid, complete, and survive a trip through their records. */
class SampleTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleValidatesAgainstItsSchema(EventType type) {
        assertThat(ContractResources.validate(type, ContractResources.sample(type))).as(type.type()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleShowsEveryField(EventType type) {
        Set<String> shown = new TreeSet<>();
        ContractResources.sample(type).fieldNames().forEachRemaining(shown::add);
        Set<String> defined = new TreeSet<>();
        ContractResources.schemaNode(type).path("properties").fieldNames().forEachRemaining(defined::add);

        assertThat(shown).as(type.type()).isEqualTo(defined);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleRoundTripsThroughItsRecord(EventType type) {
        JsonNode original = ContractResources.sample(type);

        EventPayload payload = EventJson.read(ContractResources.sampleText(type), type);
        String written = EventJson.write(payload);

        assertThat(payload).isInstanceOf(type.payloadClass());
        assertThat(EventJson.readTree(written)).as(type.type()).isEqualTo(original);
        assertThat(EventJson.read(written, type)).isEqualTo(payload);
        assertThat(ContractResources.validate(type, EventJson.readTree(written))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleMakesAnEnvelopeKeyedByItsIncident(EventType type) {
        EventPayload payload = EventJson.read(ContractResources.sampleText(type), type);
        JsonNode sample = ContractResources.sample(type);

        EventEnvelope envelope = EventEnvelope.of("evt-1", Instant.parse("2026-03-14T05:43:20Z"), payload, null, null);

        assertThat(envelope.type()).isEqualTo(type);
        assertThat(envelope.source()).isEqualTo(type.producer().source());
        assertThat(envelope.subject()).isNotBlank();
        assertThat(topLevelIds(sample)).contains(envelope.subject());
        if (sample.hasNonNull("incidentId")) {
            assertThat(envelope.incidentId()).isEqualTo(sample.get("incidentId").asText());
            assertThat(envelope.partitionKey()).isEqualTo(envelope.incidentId());
        } else {
            assertThat(envelope.incidentId()).isNull();
            assertThat(envelope.partitionKey()).isEqualTo(envelope.subject());
        }
        assertThat(envelope.payload()).isEqualTo(payload);
    }

    private static Set<String> topLevelIds(JsonNode sample) {
        Set<String> ids = new TreeSet<>();
        sample.fields().forEachRemaining(f -> {
            if (f.getKey().endsWith("Id") && f.getValue().isTextual()) {
                ids.add(f.getValue().asText());
            }
        });
        return ids;
    }
}
