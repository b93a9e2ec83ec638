package io.liandong.platform.security;

import io.liandong.platform.error.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as RFC 9457 problem+json. A token that is missing, expired, unsigned, signed by
 * another key, or for another issuer or audience is a 401 with a {@code WWW-Authenticate: Bearer}
 * challenge; the detail never says which check failed.
 */
public class SecurityProblems {

    static final String CHALLENGE = "Bearer realm=\"liandong\"";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : "the caller's roles do not allow this";
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of("forbidden", "Forbidden", 403, detail, path(uri))).build();
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .entity(Problem.of("unauthorized", "Unauthorized", 401,
                        "a valid bearer token from the city's identity provider is required", path(uri)))
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
