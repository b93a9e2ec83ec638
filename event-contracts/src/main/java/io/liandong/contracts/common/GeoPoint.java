package io.liandong.contracts.common;

/**
 * A WGS-84 coordinate.
 *
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 */
public record GeoPoint(double lat, double lon) {
}
