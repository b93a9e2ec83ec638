package io.liandong.followup.api;

import io.liandong.followup.application.BoardService;
import io.liandong.followup.application.ItemService;
import io.liandong.followup.application.ItemView;
import io.liandong.followup.application.PlanService;
import io.liandong.followup.application.PlanView;
import io.liandong.followup.application.ReviewService;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.idempotency.Idempotency;
import io.liandong.platform.paging.Page;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Follow-up plans and items. Changes need If-Match with the item's ETag (428 without, 412 stale). */
@Path("/api/v1")
@Tag(name = "Follow-up")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowupResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PlanService plans;
    private final ItemService items;
    private final ReviewService reviews;
    private final BoardService board;
    private final Caller caller;

    FollowupResource(PlanService plans, ItemService items, ReviewService reviews, BoardService board, Caller caller) {
        this.plans = plans;
        this.items = items;
        this.reviews = reviews;
        this.board = board;
        this.caller = caller;
    }

    /**
     * The HQ, auditors and partners' intake (for the complainants an item was promised to) see every
     * item; an agency the items it carries out or verifies, others are unknown to it.
     */
    private ItemView visible(ItemView item) {
        if (!caller.isHq() && !caller.has(Roles.PARTNER_INTAKE)
                && !caller.canSee(item.responsibleAgencyId()) && !caller.canSee(item.verifierAgencyId())) {
            throw new UnknownResourceException("follow-up item", item.id());
        }
        return item;
    }

    @GET
    @Path("/followup-board")
    @Operation(summary = "City-wide: overdue items by agency, completion rate, average lateness, incidents whose review is pending")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR})
    public BoardService.Board board() {
        return board.board();
    }

    @GET
    @Path("/incidents/{incidentId}/review")
    @Operation(summary = "The after-action review of a closed incident (JSON): per agency the times to acknowledge and "
            + "arrive against the limits, breaches, scene control against the golden period, hand-off delays, the time "
            + "from the first grievance to the incident, mediation rounds, the commitments' state, and the corrective "
            + "actions; 409 while not closed")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public ReviewResponse review(@PathParam("incidentId") String incidentId) {
        caller.requireIncident(incidentId);
        return ReviewResponse.of(reviews.of(incidentId));
    }

    @GET
    @Path("/incidents/{incidentId}/review")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The after-action review as a printable HTML page")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public String reviewPage(@PathParam("incidentId") String incidentId) {
        caller.requireIncident(incidentId);
        return ReviewHtml.of(ReviewResponse.of(reviews.of(incidentId)));
    }

    @GET
    @Path("/incidents/{incidentId}/followup-plans")
    @Operation(summary = "The follow-up plans of an incident with their items, oldest first (empty if none)")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public List<PlanView> plansOf(@PathParam("incidentId") String incidentId) {
        caller.requireIncident(incidentId);
        return plans.ofIncident(incidentId);
    }

    @GET
    @Path("/agencies/{agencyId}/followup-items")
    @Operation(summary = "The items an agency is responsible for, soonest due first; only the agency itself sees them")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Page<ItemView> itemsOf(@PathParam("agencyId") String agencyId, @QueryParam("limit") Integer limit,
                                  @QueryParam("cursor") String cursor) {
        caller.requireAgency(agencyId, "follow-up items of agency", agencyId);
        return items.ofAgency(agencyId, limit, cursor);
    }

    @GET
    @Path("/followup-items/{itemId}")
    @Operation(summary = "One item, with its ETag")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD,
        Roles.PARTNER_INTAKE})
    public Response item(@PathParam("itemId") String itemId) {
        return ok(visible(items.get(itemId)));
    }

    @POST
    @Path("/followup-items/{itemId}/start")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The responsible agency starts a pending or reopened item; a retry with the same Idempotency-Key "
            + "returns the first answer")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response start(@PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @HeaderParam(IDEMPOTENCY_KEY) String key) {
        return ok(items.start(itemId, caller.requireOwnAgency(), ifMatch, key));
    }

    @POST
    @Path("/followup-items/{itemId}/done")
    @Operation(summary = "The responsible agency reports an item in progress done, with a note and evidence URLs; "
            + "the beneficiaries are asked to verify")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response done(@PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @HeaderParam(IDEMPOTENCY_KEY) String key,
                         @Valid @NotNull Requests.Done body) {
        return ok(items.done(itemId, caller.requireOwnAgency(), ifMatch, body.note(), body.evidenceUrls(), key));
    }

    @POST
    @Path("/followup-items/{itemId}/verify")
    @Operation(summary = "A beneficiary confirms a done item (someone it was not promised to: 422); an item the HQ "
            + "verifies (corrective actions, mediate again) needs the HQ calling as itself")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD, Roles.PARTNER_INTAKE})
    public Response verify(@PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(IDEMPOTENCY_KEY) String key,
                           @Valid @NotNull Requests.Verify body) {
        return ok(items.verify(itemId, ifMatch, body.beneficiaryId(), caller.agency(), body.note(), key));
    }

    @POST
    @Path("/followup-items/{itemId}/dispute")
    @Operation(summary = "A beneficiary disputes a done item: it is reopened")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD, Roles.PARTNER_INTAKE})
    public Response dispute(@PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(IDEMPOTENCY_KEY) String key,
                            @Valid @NotNull Requests.Dispute body) {
        return ok(items.dispute(itemId, ifMatch, body.beneficiaryId(), caller.agency(), body.reason(), body.grievanceId(), key));
    }

    private static Response ok(ItemView item) {
        return Response.ok(item).tag(Callers.etag(item.version())).build();
    }

    /** A move's answer; a replay of an earlier request with the same Idempotency-Key says so. */
    private static Response ok(Idempotency.Outcome<ItemView> outcome) {
        return outcome.markReplayed(Response.ok(outcome.result()).tag(Callers.etag(outcome.result().version())));
    }
}
