package io.liandong.platform.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.liandong.contracts.EventJson;
import io.liandong.platform.error.UnknownResourceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every service answers what it knows of an incident's story, in order. */
@Path("/api/v1/incidents/{incidentId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    public record TimelineEvent(String id, String type, String source, String subject, Instant time, JsonNode data) {
    }

    public record Timeline(String incidentId, List<TimelineEvent> events) {
    }

    private final IncidentTimeline timeline;

    TimelineResource(IncidentTimeline timeline) {
        this.timeline = timeline;
    }

    @GET
    @Operation(summary = "The events about an incident that this service has produced or consumed, oldest first")
    public Timeline timeline(@PathParam("incidentId") String incidentId) {
        List<TimelineEvent> events = timeline.of(incidentId).stream()
                .map(e -> new TimelineEvent(e.eventId(), e.type(), e.source(), e.subject(), e.occurredAt(),
                        EventJson.readTree(e.dataJson())))
                .toList();
        if (events.isEmpty()) {
            throw new UnknownResourceException("incident known to this service", incidentId);
        }
        return new Timeline(incidentId, events);
    }
}
