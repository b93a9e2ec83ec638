package io.liandong.grievance.api;

import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.grievance.GrievanceOutcome;
import io.liandong.grievance.application.GrievanceQuery;
import io.liandong.grievance.application.GrievanceService;
import io.liandong.grievance.application.GrievanceView;
import io.liandong.grievance.domain.Catalogue;
import io.liandong.grievance.domain.GrievanceStatus;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.paging.Page;
import io.liandong.platform.security.Caller;
import io.liandong.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/grievances")
@Tag(name = "Grievances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrievanceResource {

    private final GrievanceService grievances;
    private final Catalogue catalogue;
    private final Caller caller;

    GrievanceResource(GrievanceService grievances, Catalogue catalogue, Caller caller) {
        this.grievances = grievances;
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PARTNER_INTAKE, Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    @Operation(summary = "File a grievance; a retry with the same Idempotency-Key and body returns the first answer")
    public Response file(@Valid @NotNull FileGrievanceRequest request, @HeaderParam("Idempotency-Key") String key,
                         @Context UriInfo uri) {
        var outcome = grievances.file(GrievanceMapper.toNew(request), key);
        GrievanceView g = outcome.result();
        return outcome.markReplayed(Response.created(uri.getAbsolutePathBuilder().path(g.id()).build())
                .tag(etag(g)).entity(GrievanceMapper.toResponse(g)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    @Operation(summary = "Read one grievance with the progress its complainant sees; an agency sees those its department handles")
    public Response get(@PathParam("id") String id) {
        var detail = grievances.get(id);
        requireHandling(detail.grievance());
        return Response.ok(GrievanceMapper.toResponse(detail)).tag(etag(detail.grievance())).build();
    }

    @GET
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR})
    @Operation(summary = "List grievances, newest first, filtered by status, category, area and time; pass nextCursor back as cursor")
    public Page<GrievanceResponse> list(@QueryParam("status") List<String> status, @QueryParam("category") List<String> category,
                                        @QueryParam("areaCode") String areaCode, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("limit") Integer limit,
                                        @QueryParam("cursor") String cursor) {
        List<GrievanceStatus> statuses = status.stream().flatMap(s -> List.of(s.split(",")).stream())
                .map(GrievanceResource::status).toList();
        var query = new GrievanceQuery(statuses, category.stream().flatMap(c -> List.of(c.split(",")).stream()).toList(),
                areaCode, List.of(), instant("from", from), instant("to", to));
        return grievances.list(query, cursor, limit).map(GrievanceMapper::toResponse);
    }

    @POST
    @Path("/{id}/triage")
    @Operation(summary = "Classify a grievance and give it a priority (an agency)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response triage(@PathParam("id") String id, @Valid @NotNull ChangeRequests.Triage request,
                           @HeaderParam("If-Match") String ifMatch) {
        requireHandling(id);
        return changed(grievances.triage(id, request.category(), request.priority(), request.note(), request.triagedBy(),
                version(ifMatch)));
    }

    @POST
    @Path("/{id}/link")
    @Operation(summary = "Link a grievance to the incident that answers it (an agency)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response link(@PathParam("id") String id, @Valid @NotNull ChangeRequests.Link request,
                         @HeaderParam("If-Match") String ifMatch) {
        requireHandling(id);
        return changed(grievances.link(id, request.incidentId(), request.linkedBy(), version(ifMatch)));
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Close a grievance as resolved, with what the complainant is told (an agency)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response resolve(@PathParam("id") String id, @Valid @NotNull ChangeRequests.Close request,
                            @HeaderParam("If-Match") String ifMatch) {
        requireHandling(id);
        return changed(grievances.close(id, GrievanceOutcome.RESOLVED, request.reason(), request.closedBy(), version(ifMatch)));
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close a grievance without resolution (duplicate, withdrawn, out of scope), with the reason (an agency)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response close(@PathParam("id") String id, @Valid @NotNull ChangeRequests.Close request,
                          @HeaderParam("If-Match") String ifMatch) {
        requireHandling(id);
        return changed(grievances.close(id, GrievanceOutcome.CLOSED, request.reason(), request.closedBy(), version(ifMatch)));
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen a closed grievance within the reopening period (the complainant)")
    @RolesAllowed({Roles.PARTNER_INTAKE, Roles.HQ_OPERATOR, Roles.HQ_COMMANDER})
    public Response reopen(@PathParam("id") String id, @Valid @NotNull ChangeRequests.Reopen request,
                           @HeaderParam("If-Match") String ifMatch) {
        return changed(grievances.reopen(id, request.reason(), request.reopenedBy(), version(ifMatch)));
    }

    @GET
    @Path("/{id}/contact")
    @Operation(summary = "The complainant's contact details, for the department handling the grievance only")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public ContactResponse contact(@PathParam("id") String id) {
        requireHandling(id);
        var contact = grievances.contact(id, caller.agency())
                .orElseThrow(() -> new ForbiddenException("only the department handling grievance " + id
                        + " may see its complainant's contact details"));
        return new ContactResponse(contact.grievanceId(), contact.name(), contact.phone(), contact.email());
    }

    public record ContactResponse(String grievanceId, String name, String phone, String email) {
    }

    /** HQ callers see every grievance; an agency only those its department handles, others are unknown to it. */
    private void requireHandling(String id) {
        if (!caller.isHq()) {
            requireHandling(grievances.get(id).grievance());
        }
    }

    private void requireHandling(GrievanceView g) {
        if (caller.isHq()) {
            return;
        }
        boolean handling = catalogue.departmentOfAgency(caller.agency())
                .map(d -> d.code().equals(g.department())).orElse(false);
        if (!handling) {
            throw new UnknownResourceException("grievance", g.id());
        }
    }

    private static Response changed(GrievanceView g) {
        return Response.ok(GrievanceMapper.toResponse(g)).tag(etag(g)).build();
    }

    static EntityTag etag(GrievanceView g) {
        return new EntityTag(Long.toString(g.version()));
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be an ETag this API issued, e.g. \"3\"");
        }
    }

    private static GrievanceStatus status(String value) {
        try {
            return WireValues.parse(GrievanceStatus.class, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of received, triaged, linked, resolved, closed, reopened");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an RFC 3339 time, e.g. 2026-03-14T05:00:00Z");
        }
    }
}
