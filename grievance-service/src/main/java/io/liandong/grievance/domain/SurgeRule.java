package io.liandong.grievance.domain;

import java.time.Duration;

/**
 * When similar grievances are a surge: at least {@code threshold} distinct complainants with
 * grievances of the same dispute type within {@code radiusMeters} of each other (or in the same
 * area, when {@code matchSameArea}) within {@code window}.
 */
public record SurgeRule(int threshold, int radiusMeters, Duration window, boolean matchSameArea) {

    public SurgeRule {
        if (threshold < 2 || radiusMeters < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a surge needs threshold >= 2, radius >= 1 m and a positive window");
        }
    }
}
