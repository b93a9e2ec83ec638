package io.liandong.grievance.api;

import io.liandong.grievance.config.GrievanceConfig;
import io.liandong.platform.error.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * Refuses a body larger than {@code liandong.grievance.max-body-bytes} (1 MiB) as soon as its
 * {@code Content-Length} is known, before anything reads it, with the same shape as every other
 * error: problem+json, or Open311's error list under {@code /open311/}. Vert.x's own limit
 * ({@code quarkus.http.limits.max-body-size}) stays above this one as the hard ceiling for bodies
 * sent without a length, and answers those with a bare 413.
 */
@ApplicationScoped
public class BodyTooLarge {

    private final long limit;

    BodyTooLarge(GrievanceConfig config) {
        this.limit = config.maxBodyBytes();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length == null || !tooLarge(length)) {
                ctx.next();
                return;
            }
            String path = ctx.normalizedPath();
            String detail = "the request body has " + length + " bytes; the limit is " + limit;
            String body;
            String type;
            if (path.startsWith("/open311/")) {
                Map<String, Object> error = Map.of("code", 413, "description", detail);
                if (path.endsWith(".xml")) {
                    type = "text/xml;charset=utf-8";
                    body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>413</code><description>"
                            + detail + "</description></error></errors>";
                } else {
                    type = "application/json;charset=utf-8";
                    body = Json.encode(List.of(error));
                }
            } else {
                type = Problem.MEDIA_TYPE;
                body = Json.encode(Problem.of("body-too-large", "Request body too large", 413, detail, path));
            }
            ctx.response().setStatusCode(413).putHeader("Content-Type", type).putHeader("Connection", "close").end(body);
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
