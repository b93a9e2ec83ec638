package io.liandong.grievance.domain;

import java.time.Duration;

/**
 * When similar grievances are a surge: at least {@code threshold} distinct complainants with
 * grievances of the same dispute type within {@code radiusMeters} of each other (or in the same
 * area, when {@code matchSameArea}) within {@code window}. An alarm lists at most {@code maxListed}
 * grievance ids, the cluster's earliest, so that a city-wide surge still fits in one event; its count
 * has them all.
 */
public record SurgeRule(int threshold, int radiusMeters, Duration window, boolean matchSameArea, int maxListed) {

    /** The most grievance ids one alarm lists unless configured otherwise. */
    public static final int MAX_LISTED = 2000;

    public SurgeRule {
        if (threshold < 2 || radiusMeters < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a surge needs threshold >= 2, radius >= 1 m and a positive window");
        }
        if (maxListed < threshold) {
            throw new IllegalArgumentException("an alarm must list at least the threshold's " + threshold
                    + " grievances, not " + maxListed);
        }
    }

    public SurgeRule(int threshold, int radiusMeters, Duration window, boolean matchSameArea) {
        this(threshold, radiusMeters, window, matchSameArea, MAX_LISTED);
    }
}
