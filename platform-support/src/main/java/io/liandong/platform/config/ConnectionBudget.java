package io.liandong.platform.config;

import io.liandong.platform.inbox.EventConsumer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Checks at start that every thread which may hold a database connection at once can have one: the
 * worker threads that serve requests and scheduled jobs ({@code quarkus.thread-pool.max-threads}), the
 * consumers' workers ({@link EventConsumer#WORKERS}) and the outbox relay, against the pool
 * ({@code quarkus.datasource.jdbc.max-size}).
 *
 * <p>When the threads outnumber the connections, a flood of requests takes every connection and the
 * consumers wait for one behind them (the pool's acquisition timeout, then retries), so the events that
 * tell this service what the others did fall behind exactly when it is busiest. The platform's defaults
 * fit (16 + 3 + 1 = 20); a deployment that changes one of them without the others is told at start.
 */
@ApplicationScoped
public class ConnectionBudget {

    private static final Logger LOG = Logger.getLogger(ConnectionBudget.class);

    static final String POOL = "quarkus.datasource.jdbc.max-size";
    static final String WORKER_THREADS = "quarkus.thread-pool.max-threads";
    static final String CONSUMER_WORKERS = "smallrye.messaging.worker." + EventConsumer.WORKERS + ".max-concurrency";

    /**
     * How many connections each kind of thread may hold at once, and the pool they share.
     *
     * @param workerThreads requests and scheduled jobs, one connection each at most (a transaction keeps one)
     * @param consumerWorkers the consumers' own workers, one transaction each
     * @param relay the outbox relay's worker, which keeps a connection of its own
     */
    public record Budget(int pool, int workerThreads, int consumerWorkers, int relay) {

        public int demand() {
            return workerThreads + consumerWorkers + relay;
        }

        public boolean fits() {
            return demand() <= pool;
        }

        /** The most worker threads that leave the consumers and the relay a connection each. */
        public int workerThreadsThatFit() {
            return Math.max(1, pool - consumerWorkers - relay);
        }

        String describe() {
            return "pool " + pool + " connections; worker threads " + workerThreads + " + consumer workers "
                    + consumerWorkers + " + relay " + relay + " = " + demand();
        }
    }

    private final Config config;
    private final PlatformConfig platform;

    ConnectionBudget(Config config, PlatformConfig platform) {
        this.config = config;
        this.platform = platform;
    }

    void check(@Observes StartupEvent startup) {
        Budget budget = budget();
        if (budget.fits()) {
            LOG.infof("database connections: %s", budget.describe());
        } else {
            LOG.warnf("database connections: %s. Requests may take every connection while consumers wait for one;"
                            + " set %s to at most %d, or %s to at least %d",
                    budget.describe(), WORKER_THREADS, budget.workerThreadsThatFit(), POOL, budget.demand());
        }
    }

    /** The three sizes are set in platform-support's defaults, so every service has them. */
    public Budget budget() {
        return new Budget(
                config.getValue(POOL, Integer.class),
                config.getValue(WORKER_THREADS, Integer.class),
                config.getValue(CONSUMER_WORKERS, Integer.class),
                platform.outbox().relayEnabled() ? 1 : 0);
    }
}
