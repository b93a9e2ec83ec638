package io.liandong.department.api;

import io.liandong.department.application.AgencyService;
import io.liandong.department.application.AgencyView;
import io.liandong.department.domain.Agency;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private final AgencyService agencies;

    AgencyResource(AgencyService agencies) {
        this.agencies = agencies;
    }

    @GET
    @Path("/agencies")
    @Operation(summary = "The agency registry: each agency's role, areas, competence, who is on duty and how reached")
    @Authenticated
    public List<AgencyView> list(@QueryParam("role") String role) {
        return agencies.list(role);
    }

    @GET
    @Path("/agencies/{id}")
    @Operation(summary = "One agency")
    @Authenticated
    public Response get(@PathParam("id") String id) {
        AgencyView a = agencies.get(id);
        return Response.ok(a).tag(Callers.etag(a.version())).build();
    }

    @GET
    @Path("/agency-routing")
    @Operation(summary = "Which agency fills a role for an incident: competent department by dispute type, then incident "
            + "type; community committee by area (longest area-code prefix)")
    @Authenticated
    public AgencyView route(@QueryParam("role") String role, @QueryParam("disputeType") String disputeType,
                            @QueryParam("incidentType") String incidentType, @QueryParam("areaCode") String areaCode) {
        if (role == null || role.isBlank()) {
            throw new InvalidInputException("role", "must name the role to resolve, e.g. competent-department");
        }
        Agency agency = agencies.resolve(role, disputeType, incidentType, areaCode).orElseThrow(() ->
                new UnknownResourceException("agency for role " + role + " (dispute type " + disputeType + ", incident type "
                        + incidentType + ", area " + areaCode + ")", role));
        return agencies.get(agency.id());
    }

    @PUT
    @Path("/admin/agencies/{id}")
    @Operation(summary = "Add an agency (201) or replace one (200, If-Match required); every rule broken is listed (422)")
    @RolesAllowed({Roles.HQ_COMMANDER, Roles.PLATFORM_ADMIN})
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull Requests.PutAgency request, @Context UriInfo uri) {
        AgencyService.Outcome outcome = agencies.put(id, Mapper.agency(id, request), request.updatedBy(), ifMatch);
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/agencies").path(id).build())
                : Response.ok();
        return response.entity(outcome.agency()).tag(Callers.etag(outcome.agency().version())).build();
    }
}
