package io.liandong.platform.deadline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The durable-timer checker ({@code liandong.platform.deadline.*}). */
@ConfigMapping(prefix = "liandong.platform.deadline")
public interface DeadlineConfig {

    /** Run the periodic check in this process; off only where tests drive checkers themselves. */
    @WithDefault("true")
    boolean enabled();

    /** How often every replica looks for due deadlines; the lateness of a deadline is at most this. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Deadlines claimed and fired per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Tries of a deadline whose handler keeps failing before it is given up (failed_at). */
    @WithDefault("5")
    int maxAttempts();

    /** A failed deadline is tried again after this, times its attempts. */
    @WithDefault("PT10S")
    Duration retryBackoff();
}
