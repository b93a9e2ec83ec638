package io.liandong.platform.limits;

import io.liandong.platform.error.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A rate limit met inside a service (an Open311 partner's): problem+json with {@code Retry-After}. */
public class LimitProblems {

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e, UriInfo uri) {
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(429).header("Retry-After", e.retryAfterSeconds()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.kind(), e.title(), 429, e.getMessage(), path)).build();
    }
}
