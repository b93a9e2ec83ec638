package io.liandong.platform.limits;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The rate limit of every endpoint, per caller: the verified token's subject, or else the client's
 * address (behind a proxy, with {@code quarkus.http.proxy.proxy-address-forwarding}). Open311
 * partners, known by an {@code api_key} in the form, are charged again under their own limit once
 * the service has recognised the key. Over the limit: 429 with {@code Retry-After}.
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final LimitsConfig config;
    private final Refusals refusals;
    private final Instance<SecurityIdentity> identity;
    private final Rate standard;

    RateLimitFilter(RateLimiter limiter, LimitsConfig config, Refusals refusals, Instance<SecurityIdentity> identity) {
        this.limiter = limiter;
        this.config = config;
        this.refusals = refusals;
        this.identity = identity;
        this.standard = new Rate(config.rate().perSecond(), config.rate().burst());
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION + 10)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.rate().enabled()) {
            return null;
        }
        String subject = subject();
        String key = subject != null ? "subject:" + subject : "address:" + address(http);
        var override = config.rate().callers().get(key);
        Rate rate = override == null ? standard : new Rate(override.perSecond(), override.burst());
        try {
            limiter.charge(key, rate, subject != null ? subject : "this address");
            return null;
        } catch (TooManyRequestsException e) {
            String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
            var refusal = refusals.of(path, 429, e.kind(), e.title(), e.getMessage());
            return Response.status(429).header("Retry-After", e.retryAfterSeconds())
                    .type(refusal.contentType()).entity(refusal.body()).build();
        }
    }

    private String subject() {
        if (!identity.isResolvable()) {
            return null;
        }
        try {
            SecurityIdentity current = identity.get();
            return current.isAnonymous() ? null : current.getPrincipal().getName();
        } catch (RuntimeException e) {
            // A token that does not verify: the endpoint answers 401 if it needs one; count by address.
            return null;
        }
    }

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
