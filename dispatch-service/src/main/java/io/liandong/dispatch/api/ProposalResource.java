package io.liandong.dispatch.api;

import io.liandong.dispatch.application.ProposalService.ProposalView;
import io.liandong.dispatch.application.ProposalService;
import io.liandong.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incident-proposals")
@Tag(name = "Incident proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProposalResource {

    private final ProposalService proposals;

    ProposalResource(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GET
    @Operation(summary = "Grievance surges proposed as incidents, newest first (status: pending, accepted, dismissed)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR})
    public List<ProposalView> list(@QueryParam("status") String status) {
        return proposals.list(IncidentResource.parse(ProposalService.ProposalStatus.class, "status", status));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR})
    public ProposalView get(@PathParam("id") String id) {
        return proposals.get(id);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Open the incident the surge proposes (optionally with another type or severity); 409 once decided")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public ProposalView accept(@PathParam("id") String id, @Valid @NotNull Requests.AcceptProposal request) {
        return proposals.accept(id, request.acceptedBy(), request.incidentType(), request.severity());
    }

    @POST
    @Path("/{id}/dismiss")
    @Operation(summary = "Dismiss the proposal; 409 once decided")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public ProposalView dismiss(@PathParam("id") String id, @Valid @NotNull Requests.DismissProposal request) {
        return proposals.dismiss(id, request.dismissedBy(), request.reason());
    }
}
