package io.liandong.platform.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.liandong.contracts.EventJson;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.security.Caller;
import io.liandong.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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
    private final Caller caller;

    TimelineResource(IncidentTimeline timeline, Caller caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    @Operation(summary = "The events about an incident that this service has produced or consumed, oldest first; "
            + "an agency sees only the incidents it is assigned to")
    public Timeline timeline(@PathParam("incidentId") String incidentId) {
        caller.requireIncident(incidentId);
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
