package io.liandong.grievance.domain;

import io.liandong.contracts.common.GeoPoint;
import java.util.List;

/**
 * What a cluster's centre is made of, kept between filings so that a new voice does not need the
 * cluster's members: the counted voices (the first grievance of each), their coordinates summed, and
 * the same for the located ones. {@link #centre()} is {@link SurgeCluster#centre()} without the list.
 */
public record SurgeTally(int voices, double sumLat, double sumLon, int locatedVoices, double sumLocatedLat,
                         double sumLocatedLon) {

    public static final SurgeTally EMPTY = new SurgeTally(0, 0, 0, 0, 0, 0);

    /** The tally of a cluster's counted grievances (see {@link SurgeCluster#counted()}). */
    public static SurgeTally of(List<SurgeMember> counted) {
        SurgeTally tally = EMPTY;
        for (SurgeMember m : counted) {
            tally = tally.plus(m);
        }
        return tally;
    }

    /** With one more voice: the first grievance of a complainant the cluster did not count yet. */
    public SurgeTally plus(SurgeMember firstOfItsVoice) {
        GeoPoint p = firstOfItsVoice.point();
        boolean located = firstOfItsVoice.located();
        return new SurgeTally(voices + 1, sumLat + p.lat(), sumLon + p.lon(), locatedVoices + (located ? 1 : 0),
                sumLocatedLat + (located ? p.lat() : 0), sumLocatedLon + (located ? p.lon() : 0));
    }

    /** The centre of the located voices, or of all of them if none is located. */
    public GeoPoint centre() {
        if (voices == 0) {
            throw new IllegalStateException("an empty tally has no centre");
        }
        return locatedVoices > 0 ? new GeoPoint(sumLocatedLat / locatedVoices, sumLocatedLon / locatedVoices)
                : new GeoPoint(sumLat / voices, sumLon / voices);
    }
}
