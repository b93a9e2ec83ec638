package io.liandong.dispatch.api;

import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.application.IncidentService;
import io.liandong.dispatch.application.IncidentView;
import io.liandong.dispatch.application.MilestoneService;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.paging.Page;
import io.liandong.platform.paging.PageSize;
import io.liandong.platform.security.Caller;
import io.liandong.platform.security.Roles;
import io.liandong.platform.versioning.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents")
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {

    /** One page of the incident list. */
    public record IncidentPage(List<IncidentResponse> items, String nextCursor) {
    }

    private final IncidentService incidents;
    private final MilestoneService milestones;
    private final Caller caller;

    IncidentResource(IncidentService incidents, MilestoneService milestones, Caller caller) {
        this.incidents = incidents;
        this.milestones = milestones;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Report an incident; the running playbook dispatches its agencies at once. "
            + "A retry with the same Idempotency-Key and body returns the first answer")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public Response report(@Valid @NotNull ReportIncidentRequest request, @HeaderParam("Idempotency-Key") String key,
                           @Context UriInfo uri) {
        var outcome = incidents.report(IncidentMapper.toReport(request), key);
        IncidentView incident = outcome.result();
        return outcome.markReplayed(Response.created(uri.getAbsolutePathBuilder().path(incident.id()).build())
                .tag(etag(incident.version()))
                .entity(IncidentMapper.toResponse(incident)));
    }

    @GET
    @Operation(summary = "List incidents, newest first, filtered; follow nextCursor for the next page")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR})
    public IncidentPage list(@QueryParam("status") String status, @QueryParam("incidentType") String incidentType,
                             @QueryParam("severity") String severity, @QueryParam("areaCode") String areaCode,
                             @QueryParam("origin") String origin, @QueryParam("cursor") String cursor,
                             @QueryParam("limit") Integer limit) {
        var filter = new IncidentService.Filter(parse(IncidentStatus.class, "status", status), incidentType,
                parse(Severity.class, "severity", severity), areaCode, parse(IncidentOrigin.class, "origin", origin));
        Page<IncidentView> page = incidents.list(filter, cursor, PageSize.STANDARD.resolve(limit));
        return new IncidentPage(page.items().stream().map(IncidentMapper::toResponse).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one incident")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response get(@PathParam("id") String id) {
        caller.requireIncident(id);
        IncidentView incident = incidents.get(id);
        return Response.ok(IncidentMapper.toResponse(incident)).tag(etag(incident.version())).build();
    }

    @POST
    @Path("/{id}/status")
    @Operation(summary = "Move the incident through its lifecycle (If-Match required; 409 for a move the lifecycle forbids)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull Requests.ChangeStatus request) {
        IncidentView incident = incidents.changeStatus(id, request.status(), request.changedBy(), request.reason(), ifMatch);
        return Response.ok(IncidentMapper.toResponse(incident)).tag(etag(incident.version())).build();
    }

    @POST
    @Path("/{id}/severity")
    @Operation(summary = "Change severity, crowd size or casualties; the playbook is applied again (If-Match required)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public Response changeSeverity(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                   @Valid @NotNull Requests.ChangeSeverity request) {
        IncidentView incident = incidents.changeSeverity(id, new IncidentService.SeverityChange(request.severity(),
                request.estimatedCrowdSize(), request.casualtiesReported(), request.changedBy(), request.reason()), ifMatch);
        return Response.ok(IncidentMapper.toResponse(incident)).tag(etag(incident.version())).build();
    }

    @GET
    @Path("/{id}/performance")
    @Operation(summary = "Each agency's response times against the playbook, and golden-period compliance")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public MilestoneService.Performance performance(@PathParam("id") String id) {
        caller.requireIncident(id);
        return milestones.performance(id);
    }

    static EntityTag etag(long version) {
        return EntityTag.valueOf(Versions.etag(version));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return WireValues.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
