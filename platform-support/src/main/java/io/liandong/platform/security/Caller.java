package io.liandong.platform.security;

import io.liandong.platform.error.UnknownResourceException;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified bearer token: the person ({@code sub}), the agency they act
 * for ({@code agency} claim) and their roles ({@code groups}). Resources take it by injection;
 * nothing reads an agency from a header or a body any more.
 *
 * <p>Another agency's object is answered as unknown (404), never as forbidden, so a caller learns
 * nothing from its existence. {@link #isHq()} callers see everything.
 */
@RequestScoped
public class Caller {

    /** The claim naming the agency a person acts for. */
    public static final String AGENCY_CLAIM = "agency";

    private final JsonWebToken token;
    private final Instance<IncidentAccess> incidentAccess;

    Caller(JsonWebToken token, Instance<IncidentAccess> incidentAccess) {
        this.token = token;
        this.incidentAccess = incidentAccess;
    }

    /** The person, e.g. {@code commerce-bureau-zhang}; {@code null} without a token. */
    public String subject() {
        return token.getSubject();
    }

    /** The agency id the caller acts for, e.g. {@code commerce-bureau}; {@code null} if the token names none. */
    public String agency() {
        Object claim = token.getClaim(AGENCY_CLAIM);
        if (claim == null) {
            return null;
        }
        String value = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
        return value.isBlank() ? null : value.trim();
    }

    public Set<String> roles() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }

    public boolean has(String role) {
        return roles().contains(role);
    }

    /** HQ operators and commanders and auditors: they see every agency's objects. */
    public boolean isHq() {
        return roles().stream().anyMatch(Roles.SEE_EVERYTHING::contains);
    }

    /** Whether the caller may see an object of {@code agencyId}: its own agency's, or everything. */
    public boolean canSee(String agencyId) {
        return isHq() || (agencyId != null && agencyId.equals(agency()));
    }

    /** The caller's agency, refusing a token that names none (403: such a person may not act for an agency). */
    public String requireOwnAgency() {
        String agency = agency();
        if (agency == null) {
            throw new ForbiddenException("the token names no agency");
        }
        return agency;
    }

    /**
     * Passes if the caller may see an object of {@code agencyId}; otherwise the object is answered
     * as unknown: {@code new UnknownResourceException(what, id)}.
     */
    public void requireAgency(String agencyId, String what, String id) {
        if (!canSee(agencyId)) {
            throw new UnknownResourceException(what, id);
        }
    }

    /** Passes if the caller acts for {@code agencyId} itself; HQ callers, who can see it, are refused (403), others get 404. */
    public void requireActingFor(String agencyId, String what, String id) {
        requireAgency(agencyId, what, id);
        if (!agencyId.equals(agency())) {
            throw new ForbiddenException("only " + agencyId + " acts on its own " + what);
        }
    }

    /** Passes if the caller sees everything or its agency is assigned to the incident; 404 otherwise. */
    public void requireIncident(String incidentId) {
        if (!mayReachIncident(incidentId)) {
            throw new UnknownResourceException("incident", incidentId);
        }
    }

    public boolean mayReachIncident(String incidentId) {
        if (isHq()) {
            return true;
        }
        String agency = agency();
        if (agency == null || incidentAccess.isUnsatisfied()) {
            return false;
        }
        for (IncidentAccess access : incidentAccess) {
            if (access.isAssigned(agency, incidentId)) {
                return true;
            }
        }
        return false;
    }

    /** A name for the records the caller changes: the token's subject. */
    public String name() {
        String subject = subject();
        return subject == null ? "anonymous" : subject;
    }
}
