package io.liandong.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets idempotency keys once no client can still be retrying with them
 * ({@code liandong.platform.idempotency.retention}, one day by default). Safe with several replicas:
 * each deletes what is old, and deleting twice changes nothing.
 */
@ApplicationScoped
public class IdempotencyJanitor {

    private static final Logger LOG = Logger.getLogger(IdempotencyJanitor.class);

    private final Idempotency idempotency;
    private final Clock clock;
    private final Duration retention;

    IdempotencyJanitor(Idempotency idempotency, Clock clock,
                       @ConfigProperty(name = "liandong.platform.idempotency.retention", defaultValue = "P1D") Duration retention) {
        this.idempotency = idempotency;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(every = "${liandong.platform.idempotency.cleanup-interval:PT1H}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldKeys() {
        int forgotten = idempotency.forgetBefore(clock.instant().minus(retention));
        if (forgotten > 0) {
            LOG.debugf("forgot %d idempotency keys older than %s", forgotten, retention);
        }
    }
}
