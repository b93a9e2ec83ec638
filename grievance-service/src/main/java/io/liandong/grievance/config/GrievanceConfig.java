package io.liandong.grievance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** Everything grievance-service reads from configuration ({@code liandong.grievance.*}). */
@ConfigMapping(prefix = "liandong.grievance")
public interface GrievanceConfig {

    /** The category catalogue: a classpath resource, or a file path. */
    @WithDefault("catalogue/categories.yaml")
    String catalogue();

    /** How long after closing a complainant may reopen a grievance. */
    @WithDefault("P30D")
    Duration reopenPeriod();

    /** The city's time zone, for the dates complainants read ("commitment due on ..."). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * Key of the HMAC that turns contact details into the opaque complainant reference on events;
     * set from the environment in production ({@code LIANDONG_GRIEVANCE_COMPLAINANT_REF_SECRET}).
     */
    @WithDefault("local-only-complainant-ref-key")
    String complainantRefSecret();

    Paging paging();

    Surge surge();

    Open311 open311();

    interface Paging {
        @WithDefault("50")
        int defaultSize();

        @WithDefault("200")
        int maxSize();
    }

    interface Surge {
        /** Distinct complainants of one dispute type at one place within the window that make a surge. */
        @WithDefault("5")
        int threshold();

        @WithDefault("500")
        int radiusMeters();

        @WithDefault("PT30M")
        Duration window();

        /** Whether grievances in the same area code are similar even when their coordinates are further apart. */
        @WithDefault("true")
        boolean matchSameArea();

        /**
         * The shortest time between two alarms of one cluster. The first alarm is raised at once; a cluster
         * that grows within this interval after an alarm gets one update, with all its growth, when it ends.
         */
        @WithDefault("PT10S")
        Duration updateInterval();

        /**
         * The most grievance ids one alarm lists: the cluster's earliest; its count has them all. 2000 ids are
         * about 90 KB of event, well inside what Kafka takes in one record.
         */
        @WithDefault("2000")
        int maxListed();
    }

    interface Open311 {
        /**
         * Partners to seed the partner store with at start: partner id to the SHA-256 (hex) of its
         * {@code api_key}. Keys are never stored in clear; once stored, the database decides (revocation,
         * rotation, limits: {@code /api/v1/open311-partners}).
         */
        Map<String, String> partnerKeys();

        /** How long a partner's old keys keep working after a rotation, unless the rotation says otherwise. */
        @WithDefault("PT24H")
        Duration rotationGrace();

        /** The jurisdictions served: {@code jurisdiction_id} to the area code its requests are filed under. */
        Map<String, String> jurisdictions();

        /** {@code GET requests} without dates covers this much time back from now. */
        @WithDefault("P90D")
        Duration defaultWindow();

        /** The most requests {@code GET requests} returns. */
        @WithDefault("1000")
        int maxRequests();

        /** Published in the discovery document. */
        @WithDefault("Liandong operators, ops@liandong.example")
        String contact();

        @WithDefault("2026-11-29T00:00:00Z")
        String changeset();
    }
}
