package io.liandong.platform.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * The limits every service puts on its callers ({@code liandong.platform.limits.*}). The defaults
 * leave room for a busy partner and the benchmark (200 requests a second from one caller); they
 * stop a runaway client, not normal load.
 */
@ConfigMapping(prefix = "liandong.platform.limits")
public interface LimitsConfig {

    /** The largest request body accepted, in bytes; a larger one is answered 413. */
    @WithDefault("1048576")
    long maxBodyBytes();

    Rate rate();

    interface Rate {
        /** Off only where something in front of the service limits callers already. */
        @WithDefault("true")
        boolean enabled();

        /** Requests a second each caller may make, on average. */
        @WithDefault("500")
        double perSecond();

        /** How many requests a caller may make at once after being idle. */
        @WithDefault("1000")
        int burst();

        /**
         * Limits for particular callers, by caller key: {@code subject:<token subject>},
         * {@code partner:<Open311 partner>} or {@code address:<client IP>}.
         */
        Map<String, Override> callers();
    }

    interface Override {
        double perSecond();

        int burst();
    }
}
