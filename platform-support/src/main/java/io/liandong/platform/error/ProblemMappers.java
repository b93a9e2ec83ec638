package io.liandong.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of every service, mapped in one place to RFC 9457 problem+json. No stack trace leaves. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem problem = Problem.of(e.kind(), e.title(), e.status(), e.getMessage(), path(uri));
        if (e instanceof InvalidInputException invalid) {
            problem = problem.withErrors(invalid.errors());
        }
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return respond(Problem.of("validation", "Invalid request", 400, detail, path(uri)).withErrors(errors));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(Problem.of("malformed-body", "Malformed request body", 400,
                "unknown field " + field, path(uri)).withErrors(List.of(new FieldError(field, "is not a known field"))));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(Problem.of("malformed-body", "Malformed request body", 400,
                "field " + field + " cannot take the value " + e.getValue(), path(uri))
                .withErrors(List.of(new FieldError(field, "has the wrong type or format"))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String detail = field.isEmpty() ? "the body does not have the expected shape"
                : "field " + field + " has the wrong type or shape";
        Problem problem = Problem.of("malformed-body", "Malformed request body", 400, detail, path(uri));
        return respond(field.isEmpty() ? problem : problem.withErrors(List.of(new FieldError(field, "has the wrong type or shape"))));
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e, UriInfo uri) {
        return respond(Problem.of("malformed-body", "Malformed request body", 400,
                "the body is not valid JSON: " + e.getOriginalMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of("malformed-body", "Malformed request body", 400,
                "the body could not be read: " + e.getOriginalMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status == 404 ? "nothing is served at this path" : e.getMessage();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        return respond(Problem.of(kindOf(status), title, status, detail, path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpServerRequest request) {
        if (request.response().closed()) {
            // The answer failed because nobody is there to take it (a browser closed, a client's timeout): nothing is
            // wrong here, and no answer can reach the caller.
            LOG.infof("the caller hung up before the answer to %s %s was written (%s)", request.method(), path(uri),
                    e.getMessage());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure at %s (reference %s)", path(uri), reference);
        return respond(Problem.of("internal", "Internal error", 500,
                "the request could not be completed; quote reference " + reference + " when reporting it", path(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String kindOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "stale-version";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** The JSON path of the offending field, e.g. {@code place.lat} or {@code parties[1].name}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The request field a violation names: the property path below the method parameter. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameter != null ? parameter : "";
        }
        return field.toString();
    }
}
