package io.liandong.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the shared runtime; each service sets {@code liandong.platform.service}. */
@ConfigMapping(prefix = "liandong.platform")
public interface PlatformConfig {

    /** Which service this is: grievance, dispatch, department or followup. */
    String service();

    Outbox outbox();

    Consumer consumer();

    interface Outbox {
        /** Off only in tests that drive the relay themselves. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Fallback poll; the relay is normally woken right after each commit. */
        @WithDefault("PT1S")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** Longest pause between attempts while the broker is unreachable. */
        @WithDefault("PT5S")
        Duration maxBackoff();

        /** Published rows are kept this long for inspection, then deleted. */
        @WithDefault("P7D")
        Duration retention();

        /** Bound on a single send before the relay gives up and retries later. */
        @WithDefault("PT10S")
        Duration deliveryTimeout();

        /**
         * The largest event data (JSON, in UTF-8 bytes) the outbox accepts. Kafka refuses a record above
         * the producer's {@code max.request.size} and the broker's {@code message.max.bytes} (both about
         * 1 MiB by default); such an event would stop the relay, and every later event of the service
         * with it. It is refused where it is written instead, and its change rolls back.
         */
        @WithDefault("1000000")
        int maxEventBytes();
    }

    interface Consumer {
        /** Attempts for a failure that is not the event's fault (database down, ...) before dead-lettering. */
        @WithDefault("3")
        int attempts();

        @WithDefault("PT0.2S")
        Duration retryBackoff();

        /**
         * Attempts for a failure of the moment (no free connection in the pool, a deadlock, the database
         * restarting), with the backoff growing to {@link #maxBackoff()}: minutes of patience before a
         * good event would be dead-lettered.
         */
        @WithDefault("60")
        int transientAttempts();

        @WithDefault("PT5S")
        Duration maxBackoff();
    }
}
