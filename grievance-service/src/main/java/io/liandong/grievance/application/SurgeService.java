package io.liandong.grievance.application;

import io.liandong.contracts.common.GeoPoint;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.grievance.config.GrievanceConfig;
import io.liandong.grievance.domain.Catalogue;
import io.liandong.grievance.domain.SurgeCluster;
import io.liandong.grievance.domain.SurgeDetector;
import io.liandong.grievance.domain.SurgeMember;
import io.liandong.grievance.domain.SurgeTally;
import io.liandong.grievance.persistence.GrievanceEntity;
import io.liandong.grievance.persistence.SurgeClusterEntity;
import io.liandong.platform.deadline.Deadline;
import io.liandong.platform.deadline.Deadlines;
import io.liandong.platform.outbox.Outbox;
import io.liandong.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the early-warning rule for each grievance filed, in the filing transaction, and keeps the
 * clusters' alarms paced and tied to the incident opened from them. Every change of a dispute type's
 * clusters holds that type's advisory lock ({@link #lock}).
 *
 * <p>Pacing: the first alarm of a cluster goes out at once. Growth within
 * {@code liandong.grievance.surge.update-interval} of the last alarm is held back, and one durable
 * deadline raises a single update with all of it when the interval ends, so a surge of n voices costs
 * about one update per interval instead of n, and the last picture is never lost.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SurgeService {

    /** The deadline kind of a paced update. */
    static final String UPDATE = "grievance.surge-update";

    private final SurgeDetector detector;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final Duration updateInterval;

    SurgeService(SurgeDetector detector, Outbox outbox, Deadlines deadlines, GrievanceConfig config) {
        this.detector = detector;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.updateInterval = config.surge().updateInterval();
        if (updateInterval.isNegative()) {
            throw new IllegalArgumentException("liandong.grievance.surge.update-interval must not be negative, was "
                    + updateInterval);
        }
    }

    /**
     * Places a new grievance in its cluster and raises what that calls for: the first alarm, an update,
     * or an update held back until the pacing interval ends. A cluster below the threshold is decided
     * on its members (few); a new voice of an alarmed cluster only on the tally kept on its row, so its
     * cost does not grow with the surge, except when an update goes out at once.
     *
     * @return the incident opened from the cluster it joined, if there is one: the grievance belongs to it
     */
    Optional<String> file(GrievanceEntity g, Catalogue.Entry entry, Instant now) {
        lock(g.disputeType);
        // Only clusters that can be similar: in the same area, or with a centre near enough (a box of
        // twice the radius, since a centre moves as a cluster grows).
        double dLat = 2.0 * detector.rule().radiusMeters() / 111_195.0;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(g.lat)));
        List<SurgeClusterEntity> active = SurgeClusterEntity.list("disputeType = ?1 and lastAt >= ?2 and endedAt is null"
                        + " and (areaCode = ?3 or (centreLat between ?4 and ?5 and centreLon between ?6 and ?7))",
                g.disputeType, detector.activeSince(now), g.areaCode, g.lat - dLat, g.lat + dLat, g.lon - dLon, g.lon + dLon);
        SurgeMember member = member(g);
        Optional<SurgeClusterEntity> joined = detector.join(member, active.stream().map(SurgeService::placement).toList(), now)
                .map(p -> active.stream().filter(c -> c.id.equals(p.id())).findFirst().orElseThrow());
        SurgeClusterEntity row = joined.isPresent() && joined.get().revision > 0 && joined.get().voices > 0
                ? growAlarmed(joined.get(), member, now)
                : decideOnMembers(joined, g, member, now);
        g.surgeClusterId = row.id;
        return Optional.ofNullable(row.incidentId);
    }

    /** A new cluster, or one below the threshold (or not tallied yet): the detector decides on the members. */
    private SurgeClusterEntity decideOnMembers(Optional<SurgeClusterEntity> joined, GrievanceEntity g, SurgeMember member,
                                               Instant now) {
        List<SurgeCluster> candidates = joined
                .map(c -> List.of(cluster(c, members(List.of(c), g.id).getOrDefault(c.id, List.of()))))
                .orElse(List.of());
        SurgeDetector.Decision decision = detector.file(member, g.disputeType, candidates, now);
        SurgeCluster cluster = decision.cluster();
        SurgeClusterEntity row;
        if (cluster.id() == null) {
            row = new SurgeClusterEntity();
            row.id = "cls-" + UUID.randomUUID();
            row.disputeType = g.disputeType;
            row.category = g.category;
            row.areaCode = g.areaCode;
        } else {
            row = joined.orElseThrow();
        }
        keep(row, SurgeTally.of(cluster.counted()));
        row.located = cluster.located();
        row.windowStart = cluster.windowStart();
        row.lastAt = now;
        if (cluster.id() == null) {
            row.persist();
        }
        decision.alarm().ifPresent(alarm -> {
            Instant paceEnds = paceEnds(row, now);
            if (alarm.revision() > 1 && now.isBefore(paceEnds)) {
                holdBack(row, paceEnds);
            } else {
                raise(row, alarm, now);
            }
        });
        return row;
    }

    /** A grievance joining an alarmed cluster: a repeat changes nothing; a new voice grows the tally and is told. */
    private SurgeClusterEntity growAlarmed(SurgeClusterEntity row, SurgeMember member, Instant now) {
        boolean repeat = counted(row.id, member.voice());
        row.lastAt = now;
        row.located = row.located || member.located();
        if (repeat) {
            return row;
        }
        keep(row, tally(row).plus(member));
        Instant paceEnds = paceEnds(row, now);
        if (now.isBefore(paceEnds)) {
            holdBack(row, paceEnds);
        } else {
            List<SurgeMember> members = new ArrayList<>(members(List.of(row), member.grievanceId())
                    .getOrDefault(row.id, List.of()));
            members.add(member);
            raise(row, detector.update(cluster(row, members), now), now);
        }
        return row;
    }

    /**
     * Raises the update a cluster's growth was held back for, when its pacing interval has ended (run by
     * the deadline {@link #holdBack} scheduled). Nothing when an update went out in between. The tally is
     * set again from the members read for it.
     */
    void raiseHeldBack(String clusterId, Instant now) {
        SurgeClusterEntity row = locked(clusterId).filter(c -> c.updatePending).orElse(null);
        if (row == null) {
            return;
        }
        SurgeCluster cluster = cluster(row, members(List.of(row), "").getOrDefault(row.id, List.of()));
        keep(row, SurgeTally.of(cluster.counted()));
        raise(row, detector.update(cluster, now), now);
    }

    /** The cluster became incident {@code incidentId}: grievances joining it from now on belong to that incident. */
    void becameIncident(String clusterId, String incidentId) {
        locked(clusterId).filter(c -> c.incidentId == null).ifPresent(c -> c.incidentId = incidentId);
    }

    /** The incident is over: its clusters take no more grievances, so a new flare-up raises a new alarm. */
    void incidentEnded(String incidentId, Instant now) {
        for (SurgeClusterEntity row : SurgeClusterEntity.<SurgeClusterEntity>list("incidentId = ?1 and endedAt is null", incidentId)) {
            lock(row.disputeType);
            SurgeClusterEntity.getEntityManager().refresh(row);
            if (row.endedAt == null) {
                row.endedAt = now;
            }
        }
    }

    private void raise(SurgeClusterEntity row, SurgeDetector.Alarm alarm, Instant now) {
        // A deadline still pending for this cluster is not cancelled: the checker locks a deadline's row
        // before its handler waits for the dispute type's lock, which is held here, so touching that row
        // would deadlock. Once fired, it finds nothing pending, or growth since, which it then raises.
        row.updatePending = false;
        row.revision = alarm.revision();
        row.alarmedAt = now;
        outbox.publish(OutgoingEvent.of(new GrievanceSurgeDetected(row.id, alarm.revision(), row.category,
                row.disputeType, row.areaCode, round(alarm.centre()), alarm.radiusMeters(), alarm.grievanceIds(),
                alarm.count(), alarm.windowStart(), alarm.windowEnd(), now)));
    }

    private void holdBack(SurgeClusterEntity row, Instant paceEnds) {
        if (!row.updatePending) {
            row.updatePending = true;
            deadlines.schedule(new Deadline(UPDATE, row.id, "update:" + (row.revision + 1) + ":" + paceEnds,
                    row.incidentId, paceEnds, null));
        }
    }

    /**
     * Filings of one dispute type, and the changes of its clusters, one at a time: a transaction-scoped
     * advisory lock, so two replicas filing at once cannot both start a cluster or both raise revision 1.
     */
    private static void lock(String disputeType) {
        GrievanceEntity.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS l")
                .setParameter(1, "surge:" + disputeType)
                .getSingleResult();
    }

    /** The cluster, read once its dispute type's lock is held; empty when there is no such cluster. */
    private static Optional<SurgeClusterEntity> locked(String clusterId) {
        Optional<String> disputeType = SurgeClusterEntity.getEntityManager()
                .createQuery("SELECT c.disputeType FROM SurgeClusterEntity c WHERE c.id = ?1", String.class)
                .setParameter(1, clusterId)
                .getResultStream().findFirst();
        disputeType.ifPresent(SurgeService::lock);
        return disputeType.map(type -> SurgeClusterEntity.findById(clusterId));
    }

    private Instant paceEnds(SurgeClusterEntity row, Instant now) {
        return row.alarmedAt == null ? now : row.alarmedAt.plus(updateInterval);
    }

    /** Whether the cluster counts a grievance of {@code voice} already (the one being filed is not stored yet). */
    private static boolean counted(String clusterId, String voice) {
        return !GrievanceEntity.getEntityManager()
                .createNativeQuery("SELECT 1 FROM grievance WHERE surge_cluster_id = ?1 AND voice = ?2 LIMIT 1")
                .setParameter(1, clusterId)
                .setParameter(2, voice)
                .getResultList().isEmpty();
    }

    private static SurgeTally tally(SurgeClusterEntity row) {
        return new SurgeTally(row.voices, row.sumLat, row.sumLon, row.locatedVoices, row.sumLocatedLat, row.sumLocatedLon);
    }

    /** Stores the tally and the centre it gives. */
    private static void keep(SurgeClusterEntity row, SurgeTally tally) {
        row.voices = tally.voices();
        row.sumLat = tally.sumLat();
        row.sumLon = tally.sumLon();
        row.locatedVoices = tally.locatedVoices();
        row.sumLocatedLat = tally.sumLocatedLat();
        row.sumLocatedLon = tally.sumLocatedLon();
        GeoPoint centre = tally.centre();
        row.centreLat = centre.lat();
        row.centreLon = centre.lon();
    }

    private static SurgeDetector.Placement placement(SurgeClusterEntity c) {
        return new SurgeDetector.Placement(c.id, c.areaCode, c.lastAt, new GeoPoint(c.centreLat, c.centreLon), c.located);
    }

    private static SurgeCluster cluster(SurgeClusterEntity c, List<SurgeMember> members) {
        return new SurgeCluster(c.id, c.disputeType, c.areaCode, c.revision, c.windowStart, members);
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
