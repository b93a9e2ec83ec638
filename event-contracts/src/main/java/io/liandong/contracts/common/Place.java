package io.liandong.contracts.common;

import java.util.Objects;

/**
 * Where something happened.
 *
 * @param lat      WGS-84 latitude
 * @param lon      WGS-84 longitude
 * @param address  human-readable address, as reported
 * @param areaCode administrative division code (GB/T 2260, six digits, optionally extended to
 *                 township and community level); surge detection and playbooks work per area
 */
public record Place(double lat, double lon, String address, String areaCode) {

    public Place {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(areaCode, "areaCode");
    }

    /** The coordinates alone. */
    public GeoPoint point() {
        return new GeoPoint(lat, lon);
    }
}
