package io.liandong.platform.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.liandong.contracts.EventJson;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.paging.Cursor;
import io.liandong.platform.paging.Page;
import io.liandong.platform.paging.PageSize;
import io.liandong.platform.security.Caller;
import io.liandong.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

    /** One page of the story: {@code nextCursor} is absent on the last; pass it back as {@code cursor} for the next. */
    public record Timeline(String incidentId, List<TimelineEvent> events, String nextCursor) {
    }

    /** A page holds 100 events unless the client asks for another size, up to 500. */
    static final PageSize PAGE = new PageSize(100, 500);

    private final IncidentTimeline timeline;
    private final Caller caller;

    TimelineResource(IncidentTimeline timeline, Caller caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    @Operation(summary = "The events about an incident that this service has produced or consumed, oldest first, a page "
            + "at a time (limit 1 to 500, 100 by default); an agency sees only the incidents it is assigned to")
    public Timeline timeline(@PathParam("incidentId") String incidentId, @QueryParam("cursor") String cursor,
                             @QueryParam("limit") Integer limit) {
        caller.requireIncident(incidentId);
        int size = PAGE.resolve(limit);
        Cursor after = cursor == null ? null : Cursor.decode(cursor, 2);
        List<TimelineEntry> fetched = timeline.page(incidentId, after, size + 1);
        if (fetched.isEmpty() && after == null) {
            throw new UnknownResourceException("incident known to this service", incidentId);
        }
        Page<TimelineEvent> page = Page.of(fetched, size, TimelineResource::event, IncidentTimeline::cursorOf);
        return new Timeline(incidentId, page.items(), page.nextCursor());
    }

    /** One entry as an answer shows it, its data as JSON rather than as text. */
    public static TimelineEvent event(TimelineEntry e) {
        return new TimelineEvent(e.eventId(), e.type(), e.source(), e.subject(), e.occurredAt(), EventJson.readTree(e.dataJson()));
    }
}
