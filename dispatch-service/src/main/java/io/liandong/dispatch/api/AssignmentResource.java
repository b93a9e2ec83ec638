package io.liandong.dispatch.api;

import io.liandong.dispatch.application.AssignmentService;
import io.liandong.dispatch.application.AssignmentView;
import io.liandong.platform.security.Caller;
import io.liandong.platform.security.Roles;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents/{incidentId}/assignments")
@Tag(name = "Assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private final AssignmentService assignments;
    private final Caller caller;

    AssignmentResource(AssignmentService assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    /** An agency sees only its own assignments; another agency's is unknown to it. */
    private AssignmentView visible(AssignmentView view) {
        caller.requireAgency(view.agencyId(), "assignment", view.id());
        return view;
    }

    @GET
    @Operation(summary = "The incident's assignments, each with duties, crowd guidance, talking points and clocks")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public List<AssignmentView> list(@PathParam("incidentId") String incidentId) {
        caller.requireIncident(incidentId);
        return assignments.list(incidentId).stream().filter(a -> caller.canSee(a.agencyId())).toList();
    }

    @POST
    @Operation(summary = "Add an agency by hand (one the incident's playbook knows)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public Response add(@PathParam("incidentId") String incidentId, @Valid @NotNull Requests.AddAssignment request,
                        @Context UriInfo uri) {
        AssignmentView created = assignments.add(incidentId, request.agencyId(), request.createdBy());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(IncidentResource.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{assignmentId}")
    @Operation(summary = "Read one assignment")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response get(@PathParam("incidentId") String incidentId, @PathParam("assignmentId") String assignmentId) {
        AssignmentView view = visible(assignments.get(incidentId, assignmentId));
        return Response.ok(view).tag(IncidentResource.etag(view.version())).build();
    }

    @POST
    @Path("/{assignmentId}/status")
    @Operation(summary = "Record a move the agency reported by radio or phone (If-Match required; only forwards)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response move(@PathParam("incidentId") String incidentId, @PathParam("assignmentId") String assignmentId,
                         @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Requests.MoveAssignment request) {
        visible(assignments.get(incidentId, assignmentId));
        AssignmentView view = assignments.move(incidentId, assignmentId, request.status(), request.changedBy(),
                request.reason(), ifMatch);
        return Response.ok(view).tag(IncidentResource.etag(view.version())).build();
    }
}
