package io.liandong.grievance.domain;

import io.liandong.contracts.common.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Similar grievances of one dispute type at one place.
 *
 * @param revision    0 while it is below the threshold, then the revision of the last alarm raised
 * @param windowStart the start of the window of the first alarm, {@code null} before it
 * @param members     every grievance in the cluster, near-identical ones included, oldest first
 */
public record SurgeCluster(String id, String disputeType, String areaCode, int revision, Instant windowStart,
                           List<SurgeMember> members) {

    public SurgeCluster {
        members = List.copyOf(members);
    }

    public Instant lastAt() {
        return members.stream().map(SurgeMember::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    public boolean located() {
        return members.stream().anyMatch(SurgeMember::located);
    }

    /** The first grievance of each voice: what the cluster counts. */
    public List<SurgeMember> counted() {
        Map<String, SurgeMember> first = new LinkedHashMap<>();
        members.stream().sorted(Comparator.comparing(SurgeMember::receivedAt))
                .forEach(m -> first.putIfAbsent(m.voice(), m));
        return List.copyOf(first.values());
    }

    /** The centre of its located grievances (of all of them if none is located). */
    public GeoPoint centre() {
        List<SurgeMember> counted = counted();
        List<GeoPoint> located = counted.stream().filter(SurgeMember::located).map(SurgeMember::point).toList();
        return Geo.centre(located.isEmpty() ? counted.stream().map(SurgeMember::point).toList() : located);
    }

    public SurgeCluster with(SurgeMember member) {
        List<SurgeMember> all = new ArrayList<>(members);
        all.add(member);
        return new SurgeCluster(id, disputeType, areaCode, revision, windowStart, all);
    }

    public SurgeCluster alarmed(int newRevision, Instant start) {
        return new SurgeCluster(id, disputeType, areaCode, newRevision, start, members);
    }
}
