package io.liandong.platform.timeline;

import java.time.Instant;

/** One event in an incident's timeline: what happened, from which service, about what, when. */
public record TimelineEntry(String eventId, String type, String source, String subject, Instant occurredAt,
                            String dataJson) {
}
