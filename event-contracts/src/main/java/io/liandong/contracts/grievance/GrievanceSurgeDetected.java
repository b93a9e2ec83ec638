package io.liandong.contracts.grievance;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.common.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Many similar grievances from one place in a short window: an early warning of a mass incident.
 * The first alarm of a cluster has revision 1; each later event with the same clusterId replaces
 * the previous picture.
 *
 * @param clusterId    Id of the cluster of similar grievances.
 * @param revision     1 for the first alarm, then one more for every update of the same cluster.
 * @param category     Category shared by the grievances.
 * @param disputeType  Dispute type shared by the grievances.
 * @param areaCode     Administrative area the cluster lies in.
 * @param centre       Centre of the cluster.
 * @param radiusMeters Radius around the centre that holds every grievance of the cluster.
 * @param grievanceIds The grievances in the cluster, oldest first; a very large cluster lists only its earliest (count has them all).
 * @param count        Number of grievances in the cluster.
 * @param windowStart  Start of the detection window.
 * @param windowEnd    End of the detection window.
 * @param detectedAt   When the detector raised or updated the alarm.
 */
public record GrievanceSurgeDetected(
        String clusterId,
        int revision,
        String category,
        String disputeType,
        String areaCode,
        GeoPoint centre,
        int radiusMeters,
        List<String> grievanceIds,
        int count,
        Instant windowStart,
        Instant windowEnd,
        Instant detectedAt) implements EventPayload {

    public GrievanceSurgeDetected {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(disputeType, "disputeType");
        Objects.requireNonNull(areaCode, "areaCode");
        Objects.requireNonNull(centre, "centre");
        grievanceIds = List.copyOf(Objects.requireNonNull(grievanceIds, "grievanceIds"));
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    @Override
    public String subject() {
        return clusterId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.empty();
    }
}
