package io.liandong.dispatch.api;

import io.liandong.dispatch.application.MilestoneService;
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

    MilestoneResource(MilestoneService milestones) {
        this.milestones = milestones;
    }

    @GET
    @Operation(summary = "The on-site groups' checklists: what is done, by whom and when, and what is open")
    public MilestoneService.Checklist checklist(@PathParam("incidentId") String incidentId) {
        return milestones.checklist(incidentId);
    }

    @POST
    @Operation(summary = "Record a milestone of the checklists once (scene-under-control also moves the incident)")
    public Response record(@PathParam("incidentId") String incidentId, @Valid @NotNull Requests.RecordMilestone request) {
        var recorded = milestones.record(incidentId, request.milestone(), request.agencyId(), request.recordedBy(),
                request.note(), request.recordedAt());
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }
}
