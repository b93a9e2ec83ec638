package io.liandong.platform.audit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Captures, for every request a resource serves, the facts an audit record names: the action
 * (method and route template, e.g. {@code POST /api/v1/grievances/{id}/close}), the target path,
 * the request id and the {@code Idempotency-Key}. Writing the record is {@link AuditTrail}'s job,
 * inside the transaction that makes the change.
 */
public class AuditRequestFilter {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final RequestFacts facts;
    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    AuditRequestFilter(RequestFacts facts) {
        this.facts = facts;
    }

    @ServerRequestFilter
    public void capture(ContainerRequestContext request, ResourceInfo resource) {
        String method = request.getMethod();
        String given = request.getHeaderString(REQUEST_ID);
        String requestId = given != null && PRINTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        String route = resource.getResourceMethod() == null ? path
                : routes.computeIfAbsent(resource.getResourceMethod(), m -> route(resource.getResourceClass(), m));
        facts.capture(CHANGING.contains(method), method + " " + route, path, requestId,
                request.getHeaderString("Idempotency-Key"));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        String requestId = facts.requestId();
        if (requestId != null) {
            response.getHeaders().putSingle(REQUEST_ID, requestId);
        }
    }

    private static String route(Class<?> type, Method method) {
        StringBuilder route = new StringBuilder();
        Path classPath = type.getAnnotation(Path.class);
        if (classPath != null) {
            route.append('/').append(classPath.value().replaceAll("^/+|/+$", ""));
        }
        Path methodPath = method.getAnnotation(Path.class);
        if (methodPath != null && !methodPath.value().replaceAll("^/+|/+$", "").isEmpty()) {
            route.append('/').append(methodPath.value().replaceAll("^/+|/+$", ""));
        }
        return route.isEmpty() ? "/" : route.toString();
    }
}
