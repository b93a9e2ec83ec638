package io.liandong.platform.limits;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body larger than {@code liandong.platform.limits.max-body-bytes} (1 MiB) as soon as its
 * {@code Content-Length} is known, before anything reads it: 413 as problem+json, or in the service's
 * own format for its paths ({@link RefusalFormat}). A body sent without a length is stopped by
 * Vert.x's ceiling, {@code quarkus.http.limits.max-body-size}; its 413 gets the same body here.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;
    private final Refusals refusals;

    BodyLimit(LimitsConfig config, Refusals refusals) {
        this.limit = config.maxBodyBytes();
        this.refusals = refusals;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                refuse(ctx, "the request body has " + length.trim() + " bytes; the limit is " + limit);
            } else {
                ctx.next();
            }
        });
        router.errorHandler(413, ctx -> refuse(ctx, "the request body is larger than the limit of " + limit + " bytes"));
    }

    private void refuse(RoutingContext ctx, String detail) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        var refusal = refusals.of(ctx.normalizedPath(), 413, "body-too-large", "Request body too large", detail);
        ctx.response().setStatusCode(413).putHeader("Content-Type", refusal.contentType())
                .putHeader("Connection", "close").end(refusal.body());
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
