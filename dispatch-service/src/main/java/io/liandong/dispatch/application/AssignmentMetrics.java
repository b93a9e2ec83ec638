package io.liandong.dispatch.application;

import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.common.WireValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Deadline warnings and breaches, and response times, per agency role; counted once committed. */
@ApplicationScoped
public class AssignmentMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    AssignmentMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    public void warned(String agencyRole, DeadlineKind clock) {
        afterCommit.run(() -> Counter.builder("liandong.assignment.deadline.warnings")
                .description("Assignment deadline warnings raised (a share of a time limit passed)")
                .tag("agency_role", agencyRole).tag("deadline", WireValues.of(clock))
                .register(registry).increment());
    }

    public void breached(String agencyRole, DeadlineKind clock) {
        afterCommit.run(() -> Counter.builder("liandong.assignment.deadline.breaches")
                .description("Assignment deadlines that passed without the step being done")
                .tag("agency_role", agencyRole).tag("deadline", WireValues.of(clock))
                .register(registry).increment());
    }

    public void responded(String agencyRole, DeadlineKind clock, Duration took) {
        afterCommit.run(() -> Timer.builder("liandong.assignment.response")
                .description("From notification to acknowledgement, or to arrival on scene, per agency role")
                .tag("agency_role", agencyRole).tag("step", WireValues.of(clock))
                .publishPercentileHistogram()
                .register(registry).record(took));
    }
}
