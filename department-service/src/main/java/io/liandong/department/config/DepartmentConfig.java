package io.liandong.department.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything department-service reads from configuration ({@code liandong.department.*}). */
@ConfigMapping(prefix = "liandong.department")
public interface DepartmentConfig {

    Agencies agencies();

    Referral referral();

    Mediation mediation();

    interface Agencies {
        /** The registry's seed, loaded into an empty registry at start: a classpath resource or a file path. */
        @WithDefault("agencies/binjiang.yaml")
        String seed();

        /** The city command HQ's agency id: where unresolvable assignments and referral loops go. */
        @WithDefault("city-command-hq")
        String hq();
    }

    interface Referral {
        /**
         * How many times one assignment may be passed on between agencies. The referral that would
         * exceed it, or one back to an agency that already held the assignment, goes to the HQ instead.
         */
        @WithDefault("3")
        int maxHops();
    }

    interface Mediation {
        /** Days within which a failed mediation must be tried again, when the mediator gives none. */
        @WithDefault("7")
        int mediateAgainWithinDays();
    }
}
