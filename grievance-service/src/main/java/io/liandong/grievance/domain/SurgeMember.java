package io.liandong.grievance.domain;

import io.liandong.contracts.common.GeoPoint;
import java.time.Instant;

/**
 * A grievance as surge detection sees it.
 *
 * @param voice   who is speaking: grievances with the same voice are near-identical and count once
 *                (see {@link Voices})
 * @param point   its coordinates, or its area's centre when {@code located} is false
 * @param located whether {@code point} came from the complainant
 */
public record SurgeMember(String grievanceId, String voice, GeoPoint point, boolean located, String areaCode,
                          Instant receivedAt) {
}
