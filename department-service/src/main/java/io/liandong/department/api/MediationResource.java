package io.liandong.department.api;

import io.liandong.department.application.MediationService;
import io.liandong.department.application.MediationViews;
import io.liandong.platform.error.InvalidInputException;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Mediations, run by the calling agency (the token's agency claim); another agency's mediation is 404. */
@Path("/api/v1/mediations")
@Tag(name = "Mediation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MediationResource {

    private final MediationService mediations;
    private final Caller caller;

    MediationResource(MediationService mediations, Caller caller) {
        this.mediations = mediations;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Open a mediation for an incident, run by the calling agency; parties default to the incident's")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response open(@Valid @NotNull Requests.OpenMediation request,
                         @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri) {
        var outcome = mediations.open(caller.requireOwnAgency(), request.incidentId(), Mapper.parties(request.parties()),
                request.openedBy(), key);
        MediationViews.MediationView m = outcome.result();
        return outcome.markReplayed(Response.created(uri.getAbsolutePathBuilder().path(m.id()).build())
                .tag(Callers.etag(m.version())).entity(m));
    }

    @GET
    @Operation(summary = "The calling agency's mediations of an incident")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public List<MediationViews.MediationView> list(@QueryParam("incidentId") String incidentId) {
        if (incidentId == null || incidentId.isBlank()) {
            throw new InvalidInputException("incidentId", "must name the incident");
        }
        return caller.isHq() ? mediations.ofIncidentForAnyAgency(incidentId)
                : mediations.ofIncident(caller.requireOwnAgency(), incidentId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One mediation: parties, sessions, proposals with their answers, and how it ended")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response get(@PathParam("id") String id) {
        return mediation(caller.isHq() ? mediations.getForAnyAgency(id) : mediations.get(caller.requireOwnAgency(), id));
    }

    @POST
    @Path("/{id}/sessions")
    @Operation(summary = "Record a session: when, where, each party's representatives and demands")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response holdSession(@PathParam("id") String id,
                                @Valid @NotNull Requests.HoldSession request, @HeaderParam("Idempotency-Key") String key) {
        var outcome = mediations.holdSession(caller.requireOwnAgency(), id, Mapper.session(request), key);
        return outcome.markReplayed(Response.status(Response.Status.CREATED).entity(outcome.result()));
    }

    @POST
    @Path("/{id}/proposals")
    @Operation(summary = "Put a proposal to the parties: who proposes (a party or the mediating agency) and the terms")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response propose(@PathParam("id") String id,
                            @Valid @NotNull Requests.Propose request, @HeaderParam("Idempotency-Key") String key) {
        var outcome = mediations.propose(caller.requireOwnAgency(), id, request.proposedBy(), request.terms(), key);
        return outcome.markReplayed(Response.status(Response.Status.CREATED).entity(outcome.result()));
    }

    @POST
    @Path("/{id}/proposals/{proposalId}/answers")
    @Operation(summary = "A party's answer: accept, reject, or counter with its own terms")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public MediationViews.ProposalView answer(@PathParam("id") String id,
                                              @PathParam("proposalId") String proposalId,
                                              @Valid @NotNull Requests.Answer request) {
        return mediations.answer(caller.requireOwnAgency(), id, proposalId, request.partyId(), request.answer(),
                request.counterTerms());
    }

    @POST
    @Path("/{id}/agreement")
    @Operation(summary = "The signed agreement; its commitments are published for follow-up (If-Match required)")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response agree(@PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Requests.Agree request) {
        return mediation(mediations.agree(caller.requireOwnAgency(), id, Mapper.agreement(request), ifMatch));
    }

    @POST
    @Path("/{id}/failure")
    @Operation(summary = "The negotiation failed: recorded and published so it is followed up (If-Match required)")
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LEAD})
    public Response fail(@PathParam("id") String id,
                         @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Requests.Fail request) {
        return mediation(mediations.fail(caller.requireOwnAgency(), id, request.reason(), request.mediateAgainWithinDays(),
                ifMatch));
    }

    private static Response mediation(MediationViews.MediationView m) {
        return Response.ok(m).tag(Callers.etag(m.version())).build();
    }
}
