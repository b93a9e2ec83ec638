package io.liandong.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** What the relay reports: commit-to-broker delay per event type, and failed batches. */
public final class RelayMetrics {

    private final MeterRegistry registry;
    private final String service;
    private final Counter failures;

    public RelayMetrics(MeterRegistry registry, String service) {
        this.registry = registry;
        this.service = service;
        this.failures = Counter.builder("liandong.outbox.relay.failures")
                .description("Outbox batches stopped by a broker failure")
                .tag("service", service)
                .register(registry);
    }

    void published(String type, Duration sinceCommit) {
        Timer.builder("liandong.outbox.relay.delay")
                .description("From the outbox row's write to the broker's acknowledgement")
                .tag("service", service)
                .tag("type", type)
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceCommit);
    }

    void failed() {
        failures.increment();
    }
}
