package io.liandong.platform.limits;

import io.liandong.platform.error.Problem;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** How a refusal by the limits reads: the service's own format for its paths ({@link RefusalFormat}), else problem+json. */
@ApplicationScoped
class Refusals {

    private final Instance<RefusalFormat> formats;

    Refusals(Instance<RefusalFormat> formats) {
        this.formats = formats;
    }

    RefusalFormat.Refusal of(String path, int status, String kind, String title, String detail) {
        for (RefusalFormat format : formats) {
            var own = format.refusal(path, status, detail);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return new RefusalFormat.Refusal(Problem.MEDIA_TYPE, Json.encode(Problem.of(kind, title, status, detail, path)));
    }
}
