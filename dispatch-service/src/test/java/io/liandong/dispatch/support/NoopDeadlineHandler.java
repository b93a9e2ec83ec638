package io.liandong.dispatch.support;

import io.liandong.platform.deadline.DeadlineHandler;
import io.liandong.platform.deadline.DueDeadline;
import jakarta.enterprise.context.ApplicationScoped;

/** A deadline kind that does nothing when it fires: the benchmark's measure of the checker alone. */
@ApplicationScoped
public class NoopDeadlineHandler implements DeadlineHandler {

    public static final String KIND = "benchmark.noop";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void onDue(DueDeadline due) {
    }
}
