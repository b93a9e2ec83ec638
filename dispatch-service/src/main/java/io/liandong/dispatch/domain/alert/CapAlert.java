package io.liandong.dispatch.domain.alert;

import java.time.Instant;
import java.util.List;

/**
 * One OASIS CAP 1.2 alert message with one info block and one area: what public warning systems
 * receive for an incident's public alert.
 *
 * @param references earlier messages as {@code sender,identifier,sent} triples
 * @param circle     {@code lat,lon radiusKm}, or null
 * @param polygon    {@code lat,lon lat,lon ...} with the first point repeated last, or null
 */
public record CapAlert(
        String identifier,
        String sender,
        Instant sent,
        String status,
        String msgType,
        String scope,
        String note,
        List<String> references,
        String incidents,
        String language,
        String category,
        String event,
        String responseType,
        String urgency,
        String severity,
        String certainty,
        Instant expires,
        String senderName,
        String headline,
        String instruction,
        String areaDesc,
        String polygon,
        String circle) {
}
