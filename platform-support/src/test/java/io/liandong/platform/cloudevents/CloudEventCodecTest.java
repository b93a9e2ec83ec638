package io.liandong.platform.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.contracts.CloudEventHeaders;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private final EventEnvelope event = new EventEnvelope("e-1", EventType.INCIDENT_REPORTED, "/dispatch-service",
            "inc-1", Instant.parse("2026-11-29T06:00:00.123Z"), "inc-1", "c-1", "g-7", "{\"incidentId\":\"inc-1\",\"note\":\"滨江\"}");

    @Test
    void anEnvelopeSurvivesTheTripThroughKafkaHeaders() {
        var record = CloudEventCodec.toRecord("liandong.dispatch.events", "inc-1", event);

        assertThat(record.key()).isEqualTo("inc-1");
        assertThat(CloudEventCodec.header(record.headers(), CloudEventHeaders.CE_SPECVERSION)).isEqualTo("1.0");
        assertThat(CloudEventCodec.header(record.headers(), CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(CloudEventCodec.read(record.headers(), record.value())).isEqualTo(event);
    }

    @Test
    void optionalExtensionsMayBeAbsent() {
        var bare = new EventEnvelope("e-2", EventType.INCIDENT_REPORTED, "/dispatch-service", "inc-1",
                Instant.parse("2026-11-29T06:00:00Z"), null, null, null, "{}");
        var record = CloudEventCodec.toRecord("t", "inc-1", bare);

        assertThat(record.headers().lastHeader(CloudEventHeaders.CE_INCIDENTID)).isNull();
        assertThat(CloudEventCodec.read(record.headers(), record.value())).isEqualTo(bare);
    }

    @Test
    void aRecordWithoutCloudEventHeadersIsPoison() {
        assertThatThrownBy(() -> CloudEventCodec.read(new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("ce_specversion");
    }

    @Test
    void anUnknownTypeIsPoison() {
        var record = CloudEventCodec.toRecord("t", "k", event);
        record.headers().remove(CloudEventHeaders.CE_TYPE);
        record.headers().add(CloudEventHeaders.CE_TYPE, "io.liandong.incident.reported.v99".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventCodec.read(record.headers(), record.value()))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("unknown event type io.liandong.incident.reported.v99");
    }

    @Test
    void aBadTimeIsPoison() {
        var record = CloudEventCodec.toRecord("t", "k", event);
        record.headers().remove(CloudEventHeaders.CE_TIME);
        record.headers().add(CloudEventHeaders.CE_TIME, "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventCodec.read(record.headers(), record.value()))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("ce_time");
    }

    @Test
    void dataThatIsNotUtf8IsPoison() {
        var record = CloudEventCodec.toRecord("t", "k", event);

        assertThatThrownBy(() -> CloudEventCodec.read(record.headers(), new byte[] {(byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("not UTF-8");
    }
}
