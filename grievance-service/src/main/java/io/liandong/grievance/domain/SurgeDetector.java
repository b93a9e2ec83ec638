package io.liandong.grievance.domain;

import io.liandong.contracts.common.GeoPoint;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The early-warning rule. A new grievance joins the active cluster of its dispute type it is
 * similar to (within the radius of the cluster's centre, or in the same area), or starts a new one.
 * A cluster raises one alarm (revision 1) when it counts {@code threshold} voices within the window,
 * then an update as new voices join (revision 2, 3, ...), never one alarm per grievance; how often
 * updates go out is the caller's pacing ({@link #update}). A cluster stays
 * active while grievances keep arriving within the window of its last one.
 */
public final class SurgeDetector {

    /** An alarm to publish: the first (revision 1) or an update of the cluster's picture. */
    /**
     * @param grievanceIds the counted grievances, oldest first, at most the rule's {@code maxListed}
     * @param count        how many grievances the alarm counts, listed or not
     */
    public record Alarm(int revision, List<String> grievanceIds, int count, GeoPoint centre, int radiusMeters,
                        Instant windowStart, Instant windowEnd) {
    }

    /**
     * What filing one grievance did to the clusters.
     *
     * @param cluster    the cluster it is now in ({@code id} is null for a new one)
     * @param alarm      the alarm to publish, if any
     */
    public record Decision(SurgeCluster cluster, Optional<Alarm> alarm) {
    }

    private final SurgeRule rule;

    public SurgeDetector(SurgeRule rule) {
        this.rule = rule;
    }

    public SurgeRule rule() {
        return rule;
    }

    /** The earliest time a cluster's last grievance may have arrived for the cluster to still be active at {@code now}. */
    public Instant activeSince(Instant now) {
        return now.minus(rule.window());
    }

    /**
     * Where {@code grievance} goes, given the clusters of its dispute type that may be active.
     */
    public Decision file(SurgeMember grievance, String disputeType, List<SurgeCluster> candidates, Instant now) {
        Optional<SurgeCluster> joined = candidates.stream()
                .filter(c -> c.disputeType().equals(disputeType))
                .filter(c -> !c.lastAt().isBefore(activeSince(now)))
                .filter(c -> similar(grievance, c))
                .min(Comparator.comparingDouble(c -> Geo.meters(grievance.point(), c.centre())));
        if (joined.isEmpty()) {
            SurgeCluster fresh = new SurgeCluster(null, disputeType, grievance.areaCode(), 0, null, List.of(grievance));
            return assess(fresh, grievance, now, false);
        }
        SurgeCluster before = joined.get();
        boolean repeated = before.counted().stream().anyMatch(m -> m.voice().equals(grievance.voice()));
        return assess(before.with(grievance), grievance, now, repeated);
    }

    /**
     * The next update of an alarmed cluster as it stands at {@code now}: growth that was held back while
     * updates were paced, told in one revision.
     */
    public Alarm update(SurgeCluster cluster, Instant now) {
        if (cluster.revision() == 0) {
            throw new IllegalStateException("cluster " + cluster.id() + " has raised no alarm yet, so it has nothing to update");
        }
        return alarm(cluster.alarmed(cluster.revision() + 1, cluster.windowStart()), now);
    }

    /**
     * A cluster as kept between filings: enough to tell whether a grievance belongs to it, without its
     * members.
     *
     * @param located whether any of its grievances is located
     */
    public record Placement(String id, String areaCode, Instant lastAt, GeoPoint centre, boolean located) {
    }

    /**
     * The cluster {@code grievance} joins among the active clusters of its dispute type, if any: the
     * nearest it is similar to. The same choice as {@link #file}'s, made from {@link Placement}s.
     */
    public Optional<Placement> join(SurgeMember grievance, List<Placement> candidates, Instant now) {
        return candidates.stream()
                .filter(c -> !c.lastAt().isBefore(activeSince(now)))
                .filter(c -> similar(grievance, c.areaCode(), c.located(), c.centre()))
                .min(Comparator.comparingDouble(c -> Geo.meters(grievance.point(), c.centre())));
    }

    boolean similar(SurgeMember g, SurgeCluster cluster) {
        return similar(g, cluster.areaCode(), cluster.located(), cluster.centre());
    }

    private boolean similar(SurgeMember g, String areaCode, boolean located, GeoPoint centre) {
        boolean sameArea = g.areaCode().equals(areaCode);
        if (sameArea && (rule.matchSameArea() || !g.located() || !located)) {
            return true;
        }
        return g.located() && located && Geo.meters(g.point(), centre) <= rule.radiusMeters();
    }

    private Decision assess(SurgeCluster cluster, SurgeMember grievance, Instant now, boolean repeated) {
        if (cluster.revision() == 0) {
            Instant since = now.minus(rule.window());
            List<SurgeMember> inWindow = cluster.counted().stream().filter(m -> !m.receivedAt().isBefore(since)).toList();
            if (inWindow.size() < rule.threshold()) {
                return new Decision(cluster, Optional.empty());
            }
            Instant start = inWindow.get(0).receivedAt();
            SurgeCluster alarmed = cluster.alarmed(1, start);
            return new Decision(alarmed, Optional.of(alarm(alarmed, now)));
        }
        if (repeated) {
            // Near-identical to a grievance the cluster already counts: no new alarm.
            return new Decision(cluster, Optional.empty());
        }
        SurgeCluster updated = cluster.alarmed(cluster.revision() + 1, cluster.windowStart());
        return new Decision(updated, Optional.of(alarm(updated, now)));
    }

    private Alarm alarm(SurgeCluster cluster, Instant now) {
        List<SurgeMember> counted = cluster.counted().stream()
                .filter(m -> !m.receivedAt().isBefore(cluster.windowStart())).toList();
        GeoPoint centre = cluster.centre();
        double furthest = counted.stream().mapToDouble(m -> Geo.meters(centre, m.point())).max().orElse(0);
        int radius = Math.max(1, (int) Math.ceil(furthest));
        return new Alarm(cluster.revision(), counted.stream().limit(rule.maxListed()).map(SurgeMember::grievanceId).toList(),
                counted.size(), centre, radius, cluster.windowStart(), now);
    }
}
