package io.liandong.grievance.open311;

import io.liandong.platform.limits.RefusalFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The platform's refusals (413 body too large, 429 too many requests) on Open311 paths, in Open311's error format. */
@ApplicationScoped
public class Open311Refusals implements RefusalFormat {

    @Override
    public Optional<Refusal> refusal(String path, int status, String detail) {
        if (path == null || !path.startsWith("/open311/")) {
            return Optional.empty();
        }
        String format = path.endsWith(".xml") ? "xml" : "json";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", detail);
        return Optional.of(new Refusal(Open311Format.mediaType(format), Open311Format.write(format, "errors", List.of(error))));
    }
}
