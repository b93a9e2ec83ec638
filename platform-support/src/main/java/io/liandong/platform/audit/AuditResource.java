package io.liandong.platform.audit;

import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.paging.Page;
import io.liandong.platform.paging.PageSize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of this service, for auditors: every change, who made it, and whether the chain holds. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed({"auditor", "platform-admin"})
public class AuditResource {

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "Audit records, newest first; filter by agency, target (an id or a path prefix) and time [from, to)")
    public Page<AuditEntry> records(@QueryParam("agency") String agency, @QueryParam("target") String target,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return log.page(new AuditLog.Filter(blank(agency), blank(target), time("from", from), time("to", to)), blank(cursor),
                PageSize.STANDARD.resolve(limit));
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Walks the hash chain: intact, or the first record that was altered or is missing")
    public AuditLog.Verification verification() {
        return log.verify();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be an ISO-8601 instant, e.g. 2026-11-29T08:00:00Z");
        }
    }
}
