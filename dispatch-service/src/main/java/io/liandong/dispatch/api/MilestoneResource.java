package io.liandong.dispatch.api;

import io.liandong.dispatch.application.MilestoneService;
import io.liandong.platform.security.Caller;
import io.liandong.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents/{incidentId}/milestones")
@Tag(name = "Scene milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MilestoneResource {

    private final MilestoneService milestones;
    private final Caller caller;

    MilestoneResource(MilestoneService milestones, Caller caller) {
        this.milestones = milestones;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The on-site groups' checklists: what is done, by whom and when, and what is open")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public MilestoneService.Checklist checklist(@PathParam("incidentId") String incidentId) {
        caller.requireIncident(incidentId);
        return milestones.checklist(incidentId);
    }

    @POST
    @Operation(summary = "Record a milestone of the checklists once (scene-under-control also moves the incident)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response record(@PathParam("incidentId") String incidentId, @Valid @NotNull Requests.RecordMilestone request) {
        caller.requireIncident(incidentId);
        if (!caller.isHq() && !request.agencyId().equals(caller.agency())) {
            throw new ForbiddenException("an agency records its own milestones, not those of " + request.agencyId());
        }
        var recorded = milestones.record(incidentId, request.milestone(), request.agencyId(), request.recordedBy(),
                request.note(), request.recordedAt());
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }
}
