package io.liandong.platform.deadline;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs a {@link DeadlineChecker} every {@code liandong.platform.deadline.poll-interval} in every
 * replica. Nothing is kept in memory between runs: the rows are the timers, so a restart only
 * delays a deadline until the next check.
 */
@ApplicationScoped
public class DeadlineScheduler {

    private static final Logger LOG = Logger.getLogger(DeadlineScheduler.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, DeadlineHandler> handlers = new HashMap<>();
    private final boolean enabled;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final String owner;
    private volatile boolean stopping;

    DeadlineScheduler(DataSource dataSource, Clock clock, @Any Instance<DeadlineHandler> handlers, DeadlineConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        for (DeadlineHandler handler : handlers) {
            if (this.handlers.putIfAbsent(handler.kind(), handler) != null) {
                throw new IllegalStateException("two deadline handlers for kind " + handler.kind());
            }
        }
        this.enabled = config.enabled();
        this.batchSize = config.batchSize();
        this.maxAttempts = config.maxAttempts();
        this.retryBackoff = config.retryBackoff();
        this.owner = ManagementFactory.getRuntimeMXBean().getName();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${liandong.platform.deadline.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!enabled || stopping) {
            return;
        }
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.warnf("deadline check failed, trying again at the next tick: %s", e.getMessage());
        }
    }

    /** Fires what is due by the injected clock; returns how many fired here. */
    public int fireDue() {
        return newChecker(clock, owner).fireDue();
    }

    /**
     * A checker of its own, as another replica (or this one after a restart) would have; tests
     * use it to run two at once against the same database, or with a clock of their own.
     */
    public DeadlineChecker newChecker(Clock clock, String owner) {
        return newChecker(clock, owner, () -> stopping);
    }

    /** A checker that takes the service to be stopping whenever {@code stopping} says so. */
    public DeadlineChecker newChecker(Clock clock, String owner, BooleanSupplier stopping) {
        return new DeadlineChecker(dataSource, clock, handlers, batchSize, owner, maxAttempts, retryBackoff, stopping);
    }
}
