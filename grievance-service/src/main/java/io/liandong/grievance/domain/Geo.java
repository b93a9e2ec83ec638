package io.liandong.grievance.domain;

import io.liandong.contracts.common.GeoPoint;
import java.util.List;

/** Distances on the WGS-84 sphere, good to a few metres at city scale. */
public final class Geo {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Geo() {
    }

    public static double meters(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public static GeoPoint centre(List<GeoPoint> points) {
        double lat = points.stream().mapToDouble(GeoPoint::lat).average().orElseThrow();
        double lon = points.stream().mapToDouble(GeoPoint::lon).average().orElseThrow();
        return new GeoPoint(lat, lon);
    }
}
