package io.liandong.dispatch.api;

import io.liandong.dispatch.application.AlertService.AlertContent;
import io.liandong.dispatch.application.AlertService.AlertView;
import io.liandong.dispatch.application.AlertService.Point;
import io.liandong.dispatch.application.AlertService;
import io.liandong.platform.security.Caller;
import io.liandong.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/incidents/{incidentId}/alerts")
@Tag(name = "Public alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** CAP 1.2 XML. */
    public static final String CAP_XML = "application/cap+xml";

    private final AlertService alerts;
    private final Caller caller;

    AlertResource(AlertService alerts, Caller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The incident's public alerts, each at its current message")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public List<AlertView> list(@PathParam("incidentId") String incidentId) {
        caller.requireIncident(incidentId);
        return alerts.list(incidentId);
    }

    @POST
    @Operation(summary = "Issue a public alert (CAP msgType Alert)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public Response issue(@PathParam("incidentId") String incidentId, @Valid @NotNull Requests.AlertRequest request,
                          @Context UriInfo uri) {
        AlertView view = alerts.issue(incidentId, content(request), request.sentBy());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
                .tag(IncidentResource.etag(view.version())).entity(view).build();
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "Read one alert")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response get(@PathParam("incidentId") String incidentId, @PathParam("alertId") String alertId) {
        caller.requireIncident(incidentId);
        AlertView view = alerts.get(incidentId, alertId);
        return Response.ok(view).tag(IncidentResource.etag(view.version())).build();
    }

    @PUT
    @Path("/{alertId}")
    @Operation(summary = "Update the alert: a new CAP message of msgType Update referencing the earlier ones (If-Match required)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public Response update(@PathParam("incidentId") String incidentId, @PathParam("alertId") String alertId,
                           @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Requests.AlertRequest request) {
        AlertView view = alerts.update(incidentId, alertId, content(request), request.sentBy(), ifMatch);
        return Response.ok(view).tag(IncidentResource.etag(view.version())).build();
    }

    @POST
    @Path("/{alertId}/cancel")
    @Operation(summary = "Cancel the alert: a CAP message of msgType Cancel (If-Match required)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public Response cancel(@PathParam("incidentId") String incidentId, @PathParam("alertId") String alertId,
                           @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Requests.CancelAlert request) {
        AlertView view = alerts.cancel(incidentId, alertId, request.sentBy(), request.reason(), ifMatch);
        return Response.ok(view).tag(IncidentResource.etag(view.version())).build();
    }

    @GET
    @Path("/{alertId}/cap")
    @Produces({CAP_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "The alert's current message as OASIS CAP 1.2 XML, for public warning systems")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public String cap(@PathParam("incidentId") String incidentId, @PathParam("alertId") String alertId) {
        caller.requireIncident(incidentId);
        return alerts.cap(incidentId, alertId);
    }

    private static AlertContent content(Requests.AlertRequest r) {
        return new AlertContent(r.headline(), r.instruction(), r.urgency(), r.severity(), r.certainty(), r.responseType(),
                r.category(), r.areaDesc(), r.centre() == null ? null : new Point(r.centre().lat(), r.centre().lon()),
                r.radiusKm(), r.polygon() == null ? null : r.polygon().stream().map(p -> new Point(p.lat(), p.lon())).toList(),
                r.expiresAt());
    }
}
