package io.liandong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopsTest {

    private static final long T = 1_800_000_000_000_000L; // an instant, in epoch microseconds

    @Test
    void eachHopIsTheDifferenceOfTheTimesEitherSideOfIt() {
        // A grievance due at T, its event written 8 ms later, acknowledged by the broker at +11 ms, read on
        // Kafka at +12 ms, committed by dispatch at +20 ms and shown on the console at +15 ms.
        Load.Result load = new Load.Result();
        load.grievanceDue.put("grv-1", T);
        var grievance = new Hops.ServiceRows("grievance-service",
                List.of(new Hops.OutboxRow("e1", Hops.GRIEVANCE_RECEIVED, "grv-1", null, T + 8_000, T + 11_000)), List.of());
        var dispatch = new Hops.ServiceRows("dispatch-service", List.of(),
                List.of(new Hops.InboxRow("dispatch-service", "e1", Hops.GRIEVANCE_RECEIVED, T + 8_000, T + 20_000)));
        var seen = Map.of("e1", new Observer.Seen("e1", "liandong.grievance.events", Hops.GRIEVANCE_RECEIVED, "grv-1",
                null, T + 8_000, T + 9_000, T + 12_000));

        var hops = Hops.compute(List.of(grievance, dispatch), seen, Map.of("e1", T + 15_000), load, T, T + 60_000_000);

        assertThat(hops.get("relay grievance-service: event written -> broker ack (outbox published_at)").percentileMillis(50))
                .isCloseTo(3.0, within(0.01));
        assertThat(hops.get("relay grievance-service: event written -> read by a consumer on Kafka").percentileMillis(50))
                .isCloseTo(4.0, within(0.01));
        assertThat(hops.get("consumer dispatch-service: on Kafka -> handled and committed").percentileMillis(50))
                .isCloseTo(8.0, within(0.01));
        assertThat(hops.get(Benchmark.END_TO_END).percentileMillis(50)).isCloseTo(20.0, within(0.02));
        assertThat(hops.get("grievance accepted (event time) -> dispatch aware").percentileMillis(50)).isCloseTo(12.0, within(0.01));
        assertThat(hops.get("any event (event time) -> console frame").percentileMillis(50)).isCloseTo(7.0, within(0.01));
    }

    @Test
    void eventsWrittenOutsideTheRunAreLeftOut() {
        Load.Result load = new Load.Result();
        load.grievanceDue.put("grv-0", T - 5_000_000);
        var grievance = new Hops.ServiceRows("grievance-service",
                List.of(new Hops.OutboxRow("e0", Hops.GRIEVANCE_RECEIVED, "grv-0", null, T - 4_000_000, T - 3_000_000)),
                List.of());
        var dispatch = new Hops.ServiceRows("dispatch-service", List.of(),
                List.of(new Hops.InboxRow("dispatch-service", "e0", Hops.GRIEVANCE_RECEIVED, T - 4_000_000, T + 1_000)));

        var hops = Hops.compute(List.of(grievance, dispatch), Map.of(), null, load, T, T + 60_000_000);

        assertThat(hops.get(Benchmark.END_TO_END).count()).isZero();
        assertThat(hops).doesNotContainKey("any event (event time) -> console frame");
    }
}
