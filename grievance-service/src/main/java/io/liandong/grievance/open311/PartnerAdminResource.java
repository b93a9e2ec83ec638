package io.liandong.grievance.open311;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform administrators register Open311 partners, issue and rotate their keys, revoke them and set their limits. */
@Path("/api/v1/open311-partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open311 partners")
@RolesAllowed("platform-admin")
public class PartnerAdminResource {

    public record NewPartner(@NotNull String id, @NotNull String name, Integer requestsPerMinute) {
    }

    public record Limit(Integer requestsPerMinute) {
    }

    private final PartnerKeys partners;

    PartnerAdminResource(PartnerKeys partners) {
        this.partners = partners;
    }

    @GET
    @Operation(summary = "The partners, their keys (by key id, never in clear) and their limits")
    public List<PartnerKeys.Partner> list() {
        return partners.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One partner")
    public PartnerKeys.Partner get(@PathParam("id") String id) {
        return partners.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Registers a partner and issues its first api_key, shown in this answer only")
    public Response create(@Valid @NotNull NewPartner partner) {
        PartnerKeys.IssuedKey issued = partners.create(partner.id(), partner.name(), partner.requestsPerMinute());
        return Response.created(URI.create("/api/v1/open311-partners/" + issued.partnerId())).entity(issued).build();
    }

    @POST
    @Path("/{id}/keys")
    @Operation(summary = "Rotates the key: issues a new one (shown in this answer only); the partner's other keys "
            + "keep working for the grace period (?grace=PT24H by default; PT0S ends them at once)")
    public Response rotate(@PathParam("id") String id, @QueryParam("grace") String grace) {
        PartnerKeys.IssuedKey issued = partners.rotate(id, duration(grace));
        return Response.status(201).entity(issued).build();
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    @Operation(summary = "Revokes one key at once")
    public Response revokeKey(@PathParam("id") String id, @PathParam("keyId") String keyId) {
        partners.revokeKey(id, keyId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revokes the partner: none of its keys is accepted any more")
    public Response revoke(@PathParam("id") String id) {
        partners.revoke(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/limit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the partner's rate limit in requests a minute; null for the platform's default")
    public PartnerKeys.Partner limit(@PathParam("id") String id, @NotNull Limit limit) {
        partners.limit(id, limit.requestsPerMinute());
        return partners.get(id);
    }

    private static Duration duration(String grace) {
        if (grace == null || grace.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(grace.trim());
        } catch (DateTimeParseException e) {
            throw new io.liandong.platform.error.InvalidInputException("grace", "must be an ISO-8601 duration, e.g. PT24H or PT0S");
        }
    }
}
