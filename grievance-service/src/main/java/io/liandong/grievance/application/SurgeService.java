package io.liandong.grievance.application;

import io.liandong.contracts.common.GeoPoint;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.grievance.domain.Catalogue;
import io.liandong.grievance.domain.SurgeCluster;
import io.liandong.grievance.domain.SurgeDetector;
import io.liandong.grievance.domain.SurgeMember;
import io.liandong.grievance.persistence.GrievanceEntity;
import io.liandong.grievance.persistence.SurgeClusterEntity;
import io.liandong.platform.outbox.Outbox;
import io.liandong.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the early-warning rule for each grievance filed, in the filing transaction. Filings of one
 * dispute type are serialised by a transaction-scoped advisory lock, so two replicas filing at once
 * cannot both start a cluster or both raise revision 1.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SurgeService {

    private final SurgeDetector detector;
    private final Outbox outbox;

    SurgeService(SurgeDetector detector, Outbox outbox) {
        this.detector = detector;
        this.outbox = outbox;
    }

    void file(GrievanceEntity g, Catalogue.Entry entry, Instant now) {
        GrievanceEntity.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS l")
                .setParameter(1, "surge:" + g.disputeType)
                .getSingleResult();
        // Only clusters that can be similar: in the same area, or with a centre near enough (a box of
        // twice the radius, since a centre moves as a cluster grows).
        double dLat = 2.0 * detector.rule().radiusMeters() / 111_195.0;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(g.lat)));
        List<SurgeClusterEntity> active = SurgeClusterEntity.list("disputeType = ?1 and lastAt >= ?2 and (areaCode = ?3"
                        + " or (centreLat between ?4 and ?5 and centreLon between ?6 and ?7))",
                g.disputeType, detector.activeSince(now), g.areaCode, g.lat - dLat, g.lat + dLat, g.lon - dLon, g.lon + dLon);
        Map<String, List<SurgeMember>> members = active.isEmpty() ? Map.of() : members(active, g.id);
        List<SurgeCluster> candidates = active.stream()
                .filter(c -> members.containsKey(c.id))
                .map(c -> new SurgeCluster(c.id, c.disputeType, c.areaCode, c.revision, c.windowStart,
                        members.get(c.id)))
                .toList();
        SurgeDetector.Decision decision = detector.file(member(g), g.disputeType, candidates, now);
        SurgeCluster cluster = decision.cluster();
        SurgeClusterEntity row;
        if (cluster.id() == null) {
            row = new SurgeClusterEntity();
            row.id = "cls-" + UUID.randomUUID();
            row.disputeType = g.disputeType;
            row.category = g.category;
            row.areaCode = g.areaCode;
        } else {
            row = active.stream().filter(c -> c.id.equals(cluster.id())).findFirst().orElseThrow();
        }
        GeoPoint centre = cluster.centre();
        row.centreLat = centre.lat();
        row.centreLon = centre.lon();
        row.revision = cluster.revision();
        row.windowStart = cluster.windowStart();
        row.lastAt = now;
        if (cluster.id() == null) {
            row.persist();
        }
        g.surgeClusterId = row.id;
        decision.alarm().ifPresent(alarm -> outbox.publish(OutgoingEvent.of(new GrievanceSurgeDetected(row.id,
                alarm.revision(), row.category, row.disputeType, row.areaCode, round(alarm.centre()), alarm.radiusMeters(),
                alarm.grievanceIds(), alarm.grievanceIds().size(), alarm.windowStart(), alarm.windowEnd(), now))));
    }

    /**
     * The members of the candidate clusters, read as plain values: a surge can hold hundreds of
     * grievances, and loading them as entities would make every filing dirty-check them all at its
     * flush, while it holds the dispute type's lock.
     */
    private static Map<String, List<SurgeMember>> members(List<SurgeClusterEntity> clusters, String except) {
        return GrievanceEntity.getEntityManager().createQuery("""
                        SELECT g.surgeClusterId, g.id, g.voice, g.lat, g.lon, g.located, g.areaCode, g.receivedAt
                          FROM GrievanceEntity g WHERE g.surgeClusterId IN ?1 AND g.id <> ?2
                         ORDER BY g.receivedAt, g.id""", Object[].class)
                .setParameter(1, clusters.stream().map(c -> c.id).toList())
                .setParameter(2, except)
                .getResultStream()
                .collect(Collectors.groupingBy(row -> (String) row[0], Collectors.mapping(row -> new SurgeMember(
                        (String) row[1], (String) row[2], new GeoPoint((Double) row[3], (Double) row[4]), (Boolean) row[5],
                        (String) row[6], (Instant) row[7]), Collectors.toList())));
    }

    private static SurgeMember member(GrievanceEntity g) {
        return new SurgeMember(g.id, g.voice, new GeoPoint(g.lat, g.lon), g.located, g.areaCode, g.receivedAt);
    }

    /** Six decimals, about 10 cm: enough for a centre, and stable in JSON. */
    private static GeoPoint round(GeoPoint p) {
        return new GeoPoint(Math.round(p.lat() * 1e6) / 1e6, Math.round(p.lon() * 1e6) / 1e6);
    }
}
