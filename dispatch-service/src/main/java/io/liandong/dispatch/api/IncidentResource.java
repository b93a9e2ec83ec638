package io.liandong.dispatch.api;

import io.liandong.dispatch.application.IncidentService;
import io.liandong.dispatch.application.IncidentView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents")
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentService incidents;

    IncidentResource(IncidentService incidents) {
        this.incidents = incidents;
    }

    @POST
    @Operation(summary = "Report an incident to the command HQ")
    public Response report(@Valid @NotNull ReportIncidentRequest request, @Context UriInfo uri) {
        IncidentView incident = incidents.report(IncidentMapper.toReport(request));
        return Response.created(uri.getAbsolutePathBuilder().path(incident.id()).build())
                .tag(etag(incident))
                .entity(IncidentMapper.toResponse(incident))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one incident")
    public Response get(@PathParam("id") String id) {
        IncidentView incident = incidents.get(id);
        return Response.ok(IncidentMapper.toResponse(incident)).tag(etag(incident)).build();
    }

    private static EntityTag etag(IncidentView incident) {
        return new EntityTag(Long.toString(incident.version()));
    }
}
