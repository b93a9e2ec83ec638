package io.liandong.department.api;

import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.common.WireValues;
import io.liandong.department.application.InboxService;
import io.liandong.department.application.InboxViews;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.http.Prefer;
import io.liandong.platform.paging.Page;
import io.liandong.platform.security.Caller;
import io.liandong.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An agency's inbox, for the agency of the caller's token; another agency's inbox or assignment is 404. */
@Path("/api/v1/agencies/{agencyId}/assignments")
@Tag(name = "Inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService inbox;
    private final Caller caller;

    InboxResource(InboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    /** The HQ and auditors see every inbox; an agency only its own, another's is unknown to it. */
    private String seeInbox(String agencyId) {
        caller.requireAgency(agencyId, "inbox", agencyId);
        return agencyId;
    }

    /** Only the agency itself acts on its assignments. */
    private String actFor(String agencyId) {
        caller.requireActingFor(agencyId, "inbox", agencyId);
        return agencyId;
    }

    @GET
    @Operation(summary = "The agency's assignments, newest first: open ones by default; status=all or a list of statuses; "
            + "pass nextCursor back as cursor")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Page<InboxViews.AssignmentView> list(@PathParam("agencyId") String agencyId,
                                                @QueryParam("status") List<String> status, @QueryParam("limit") Integer limit,
                                                @QueryParam("cursor") String cursor) {
        seeInbox(agencyId);
        List<AssignmentStatus> statuses = new ArrayList<>();
        boolean openOnly = true;
        for (String value : status.stream().flatMap(s -> List.of(s.split(",")).stream()).map(String::trim).toList()) {
            switch (value) {
                case "open" -> { }
                case "all" -> openOnly = false;
                default -> {
                    try {
                        statuses.add(WireValues.parse(AssignmentStatus.class, value));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException("status",
                                "must be open, all, notified, acknowledged, en-route, on-scene or released");
                    }
                }
            }
        }
        return inbox.list(agencyId, statuses, openOnly, cursor, limit);
    }

    @GET
    @Path("/{assignmentId}")
    @Operation(summary = "One assignment with the incident summary, its hand-offs, notes, the HQ's signals and the live timeline")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response get(@PathParam("agencyId") String agencyId, @PathParam("assignmentId") String assignmentId) {
        return detail(inbox.get(seeInbox(agencyId), assignmentId));
    }

    @POST
    @Path("/{assignmentId}/acknowledge")
    @Operation(summary = "Acknowledge (If-Match required): the acknowledge clock stops")
    @Transactional
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response acknowledge(@PathParam("agencyId") String agencyId, @PathParam("assignmentId") String assignmentId,
                                @HeaderParam("If-Match") String ifMatch, @HeaderParam(Prefer.HEADER) List<String> prefer,
                                @Valid @NotNull Requests.Acknowledge request) {
        return answer(inbox.acknowledge(actFor(agencyId), assignmentId, request.acknowledgedBy(), ifMatch), prefer);
    }

    @POST
    @Path("/{assignmentId}/en-route")
    @Operation(summary = "Set off for the scene (If-Match required)")
    @Transactional
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response enRoute(@PathParam("agencyId") String agencyId, @PathParam("assignmentId") String assignmentId,
                            @HeaderParam("If-Match") String ifMatch, @HeaderParam(Prefer.HEADER) List<String> prefer,
                            @Valid @NotNull Requests.EnRoute request) {
        return answer(inbox.enRoute(actFor(agencyId), assignmentId, request.reportedBy(),
                request.expectedArrivalAt(), ifMatch), prefer);
    }

    @POST
    @Path("/{assignmentId}/on-scene")
    @Operation(summary = "Arrive on scene (If-Match required): the on-scene clock stops")
    @Transactional
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response onScene(@PathParam("agencyId") String agencyId, @PathParam("assignmentId") String assignmentId,
                            @HeaderParam("If-Match") String ifMatch, @HeaderParam(Prefer.HEADER) List<String> prefer,
                            @Valid @NotNull Requests.OnScene request) {
        return answer(inbox.onScene(actFor(agencyId), assignmentId, request.reportedBy(),
                request.personnelCount(), ifMatch), prefer);
    }

    @POST
    @Path("/{assignmentId}/release")
    @Operation(summary = "The agency's part is over (If-Match required)")
    @Transactional
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response release(@PathParam("agencyId") String agencyId, @PathParam("assignmentId") String assignmentId,
                            @HeaderParam("If-Match") String ifMatch, @HeaderParam(Prefer.HEADER) List<String> prefer,
                            @Valid @NotNull Requests.Release request) {
        return answer(inbox.release(actFor(agencyId), assignmentId, request.releasedBy(), request.reason(),
                ifMatch), prefer);
    }

    @POST
    @Path("/{assignmentId}/notes")
    @Operation(summary = "Add a note or a situation report (kind note or situation-report); a retry with the same "
            + "Idempotency-Key and body returns the first answer")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response addNote(@PathParam("agencyId") String agencyId, @PathParam("assignmentId") String assignmentId,
                            @Valid @NotNull Requests.AddNote request,
                            @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri) {
        var outcome = inbox.addNote(actFor(agencyId), assignmentId, request.kind(), request.text(),
                request.attachmentUrls() == null ? List.of() : request.attachmentUrls(), request.authoredBy(), key);
        InboxViews.Note note = outcome.result();
        return outcome.markReplayed(Response.created(uri.getAbsolutePathBuilder().path(note.id()).build()).entity(note));
    }

    @POST
    @Path("/{assignmentId}/referrals")
    @Operation(summary = "Pass the assignment to another agency with a reason (If-Match required); a referral back to an "
            + "earlier holder or beyond the bound goes to the command HQ instead")
    @Transactional
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response refer(@PathParam("agencyId") String agencyId, @PathParam("assignmentId") String assignmentId,
                          @HeaderParam("If-Match") String ifMatch, @HeaderParam(Prefer.HEADER) List<String> prefer,
                          @Valid @NotNull Requests.Refer request) {
        return answer(inbox.refer(actFor(agencyId), assignmentId, request.toAgencyId(), request.reason(),
                request.referredBy(), ifMatch), prefer);
    }

    private static Response detail(InboxViews.AssignmentDetail d) {
        return Response.ok(d).tag(Callers.etag(d.assignment().version())).build();
    }

    /**
     * The answer to a change: what a read of the assignment shows, read in the change's transaction; or, when the
     * client prefers it ({@code Prefer: return=minimal}), the assignment alone, which spares reading its incident,
     * hand-offs, notes, signals and timeline.
     */
    private Response answer(InboxViews.AssignmentView changed, List<String> prefer) {
        if (Prefer.returnMinimal(prefer)) {
            return Response.ok(changed).tag(Callers.etag(changed.version()))
                    .header(Prefer.APPLIED, Prefer.RETURN_MINIMAL).build();
        }
        return detail(inbox.detailOf(changed));
    }
}
