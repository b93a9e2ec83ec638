package io.liandong.grievance.open311;

import io.liandong.contracts.grievance.GrievanceChannel;
import io.liandong.grievance.application.GrievanceQuery;
import io.liandong.grievance.application.GrievanceService;
import io.liandong.grievance.application.GrievanceView;
import io.liandong.grievance.application.NewGrievance;
import io.liandong.grievance.config.GrievanceConfig;
import io.liandong.grievance.domain.Catalogue;
import io.liandong.grievance.domain.GrievanceStatus;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.ProblemException;
import io.liandong.platform.limits.TooManyRequestsException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): every endpoint in {@code .json} and
 * {@code .xml}, fields and errors shaped as the specification shapes them. Each category of the
 * catalogue is a service; a service request is a grievance filed through the partner the
 * {@code api_key} belongs to. Open to anyone, as the specification has it: no bearer token is asked
 * for, and only the {@code api_key} names a partner.
 */
@Path("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
@PermitAll
public class Open311Resource {

    private static final String SPEC = "http://wiki.open311.org/GeoReport_v2";
    private static final Set<String> CLOSED = Set.of("resolved", "closed");

    private final GrievanceService grievances;
    private final Catalogue catalogue;
    private final PartnerKeys partners;
    private final GrievanceConfig config;
    private final Clock clock;
    private final DateTimeFormatter w3c;

    Open311Resource(GrievanceService grievances, Catalogue catalogue, PartnerKeys partners, GrievanceConfig config,
                    Clock clock) {
        this.grievances = grievances;
        this.catalogue = catalogue;
        this.partners = partners;
        this.config = config;
        this.clock = clock;
        ZoneId zone = config.zone();
        this.w3c = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    @GET
    @Path("/discovery.{format:json|xml}")
    @Operation(summary = "Open311 discovery: where the endpoint is and what it speaks")
    public Response discovery(@PathParam("format") String format, @jakarta.ws.rs.core.Context UriInfo uri) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPEC);
        endpoint.put("url", uri.getBaseUriBuilder().path("open311/v2").build().toString());
        endpoint.put("changeset", config.open311().changeset());
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", config.open311().changeset());
        discovery.put("contact", config.open311().contact());
        discovery.put("key_service", "api_key is issued to partners by the city command HQ");
        discovery.put("endpoints", List.of(endpoint));
        return answer(format, 200, "discovery", discovery);
    }

    @GET
    @Path("/services.{format:json|xml}")
    @Operation(summary = "Open311 service list: the categories of the catalogue")
    public Response services(@PathParam("format") String format, @QueryParam("jurisdiction_id") String jurisdiction) {
        jurisdiction(jurisdiction);
        List<Map<String, Object>> services = catalogue.entries().stream().map(e -> {
            var c = e.category();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", c.name());
            s.put("description", c.description());
            s.put("metadata", !c.attributes().isEmpty());
            s.put("type", "realtime");
            s.put("keywords", String.join(",", c.keywords()));
            s.put("group", c.group());
            return s;
        }).toList();
        return answer(format, 200, "services", services);
    }

    @GET
    @Path("/services/{code}.{format:json|xml}")
    @Operation(summary = "Open311 service definition: the attributes a request of this service may carry")
    public Response definition(@PathParam("code") String code, @PathParam("format") String format,
                               @QueryParam("jurisdiction_id") String jurisdiction) {
        jurisdiction(jurisdiction);
        Catalogue.Category c = catalogue.category(code)
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " not found")).category();
        List<Map<String, Object>> attributes = c.attributes().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variable", true);
            m.put("code", a.code());
            m.put("datatype", a.datatype());
            m.put("required", a.required());
            m.put("datatype_description", null);
            m.put("order", a.order());
            m.put("description", a.description());
            if (!a.values().isEmpty()) {
                m.put("values", a.values().stream().map(v -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("key", v.key());
                    value.put("name", v.name());
                    return value;
                }).toList());
            }
            return m;
        }).toList();
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", c.code());
        definition.put("attributes", attributes);
        return answer(format, 200, "service_definition", definition);
    }

    @POST
    @Path("/requests.{format:json|xml}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Open311: file a service request (form-encoded; api_key required)")
    public Response create(@PathParam("format") String format, MultivaluedMap<String, String> form,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String partner = partners.admit(first(form, "api_key"))
                .orElseThrow(() -> new Open311Exception(403, first(form, "api_key") == null
                        ? "api_key is required to post a service request" : "api_key is not valid"));
        String jurisdiction = jurisdiction(first(form, "jurisdiction_id"));
        String code = first(form, "service_code");
        if (code == null) {
            throw new Open311Exception(400, "service_code is required");
        }
        Catalogue.Entry entry = catalogue.category(code)
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " not found"));
        Double lat = number(form, "lat", -90, 90);
        Double lon = number(form, "long", -180, 180);
        String address = first(form, "address_string");
        if (address == null) {
            address = first(form, "address_id");
        }
        if ((lat == null) != (lon == null)) {
            throw new Open311Exception(400, "lat and long must be given together");
        }
        if (lat == null && address == null) {
            throw new Open311Exception(400, "a location is required: lat and long, address_string or address_id");
        }
        if (address != null && address.length() > 500) {
            throw new Open311Exception(400, "address_string must be at most 500 characters");
        }
        String description = first(form, "description");
        if (description != null && description.length() > 4000) {
            throw new Open311Exception(400, "description must be at most 4000 characters");
        }
        String media = first(form, "media_url");
        if (media != null && !media.matches("https?://\\S{1,2040}")) {
            throw new Open311Exception(400, "media_url must be an http(s) URL");
        }
        Map<String, String> attributes = new TreeMap<>();
        for (var e : form.entrySet()) {
            if (e.getKey().startsWith("attribute[") && e.getKey().endsWith("]")) {
                attributes.put(e.getKey().substring("attribute[".length(), e.getKey().length() - 1),
                        String.join(",", e.getValue()));
            }
        }
        String name = String.join(" ", nonNull(first(form, "first_name"), first(form, "last_name"))).trim();
        String phone = first(form, "phone");
        String email = first(form, "email");
        var contact = name.isEmpty() && phone == null && email == null ? null
                : new NewGrievance.Contact(name.isEmpty() ? null : name, phone, email);
        String account = first(form, "account_id") != null ? first(form, "account_id") : first(form, "device_id");
        var request = new NewGrievance(code, description == null || description.isBlank() ? entry.category().name() : description,
                lat, lon, address, config.open311().jurisdictions().get(jurisdiction), GrievanceChannel.PARTNER_APP, partner,
                jurisdiction, contact, account, media == null ? List.of() : List.of(media), attributes);
        var outcome = grievances.file(request, "POST /open311/v2/requests " + partner, idempotencyKey);
        GrievanceView g = outcome.result();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", g.id());
        created.put("token", g.token());
        created.put("service_notice", g.serviceNotice());
        created.put("account_id", first(form, "account_id"));
        return outcome.markReplayed(answer(format, 201, "service_requests", List.of(created)));
    }

    @GET
    @Path("/requests.{format:json|xml}")
    @Operation(summary = "Open311: service requests; by default those of the last 90 days, at most 1,000")
    public Response requests(@PathParam("format") String format, @QueryParam("jurisdiction_id") String jurisdiction,
                             @QueryParam("service_request_id") String ids, @QueryParam("service_code") String codes,
                             @QueryParam("start_date") String start, @QueryParam("end_date") String end,
                             @QueryParam("status") String status) {
        jurisdiction(jurisdiction);
        GrievanceQuery query;
        if (ids != null && !ids.isBlank()) {
            // The specification: with service_request_id, every other filter is ignored.
            query = new GrievanceQuery(List.of(), List.of(), null, split(ids), null, null);
        } else {
            Instant to = date("end_date", end);
            Instant from = date("start_date", start);
            if (from == null && to == null) {
                to = clock.instant().plusSeconds(1);
                from = to.minus(config.open311().defaultWindow());
            } else if (from == null) {
                from = to.minus(config.open311().defaultWindow());
            } else if (to == null) {
                to = from.plus(config.open311().defaultWindow());
            }
            if (!from.isBefore(to)) {
                throw new Open311Exception(400, "start_date must be before end_date");
            }
            query = new GrievanceQuery(statuses(status), codes == null ? List.of() : split(codes), null, List.of(), from, to);
        }
        List<Map<String, Object>> found = grievances.search(query, config.open311().maxRequests()).stream()
                .map(this::request).toList();
        return answer(format, 200, "service_requests", found);
    }

    @GET
    @Path("/requests/{id}.{format:json|xml}")
    @Operation(summary = "Open311: one service request")
    public Response request(@PathParam("id") String id, @PathParam("format") String format,
                            @QueryParam("jurisdiction_id") String jurisdiction) {
        jurisdiction(jurisdiction);
        List<GrievanceView> found = grievances.search(new GrievanceQuery(List.of(), List.of(), null, List.of(id), null, null), 1);
        if (found.isEmpty()) {
            throw new Open311Exception(404, "service_request_id " + id + " not found");
        }
        return answer(format, 200, "service_requests", List.of(request(found.get(0))));
    }

    @GET
    @Path("/tokens/{token}.{format:json|xml}")
    @Operation(summary = "Open311: the service request id behind a token")
    public Response token(@PathParam("token") String token, @PathParam("format") String format,
                          @QueryParam("jurisdiction_id") String jurisdiction) {
        jurisdiction(jurisdiction);
        GrievanceView g;
        try {
            g = grievances.getByToken(token);
        } catch (ProblemException e) {
            throw new Open311Exception(404, "token " + token + " not found");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", g.id());
        m.put("token", g.token());
        return answer(format, 200, "service_requests", List.of(m));
    }

    private Map<String, Object> request(GrievanceView g) {
        boolean closed = CLOSED.contains(io.liandong.contracts.common.WireValues.of(g.status()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", g.id());
        m.put("status", closed ? "closed" : "open");
        m.put("status_notes", closed && g.closeReason() != null ? g.closeReason() : g.statusNote());
        m.put("service_name", g.categoryName());
        m.put("service_code", g.category());
        m.put("description", g.description());
        m.put("agency_responsible", g.departmentName());
        m.put("service_notice", g.serviceNotice());
        m.put("requested_datetime", time(g.receivedAt()));
        m.put("updated_datetime", time(g.updatedAt()));
        m.put("expected_datetime", time(g.expectedAt()));
        m.put("address", g.address());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", g.lat());
        m.put("long", g.lon());
        m.put("media_url", g.attachmentUrls().isEmpty() ? null : g.attachmentUrls().get(0));
        return m;
    }

    /** Errors of this resource in Open311's format, in the format the path asked for. */
    @ServerExceptionMapper
    public Response open311Error(Open311Exception e, UriInfo uri) {
        return error(uri, e.status(), e.getMessage());
    }

    /** A partner over its rate limit: Open311's error list, with {@code Retry-After}. */
    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e, UriInfo uri) {
        Response error = error(uri, 429, e.getMessage());
        return Response.fromResponse(error).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        String detail = e instanceof InvalidInputException invalid ? invalid.errors().stream()
                .map(f -> open311Field(f.field()) + " " + f.message()).collect(Collectors.joining("; ")) : e.getMessage();
        int status = e.status() == 404 ? 404 : 400;
        return error(uri, status, detail);
    }

    /** Form data that is not valid {@code application/x-www-form-urlencoded} (a broken percent escape) fails while it is decoded. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, UriInfo uri) {
        if (String.valueOf(e.getMessage()).startsWith("URLDecoder")) {
            return error(uri, 400, "the form data is not valid application/x-www-form-urlencoded: " + e.getMessage());
        }
        org.jboss.logging.Logger.getLogger(Open311Resource.class).error("unexpected failure at " + uri.getPath(), e);
        return error(uri, 500, "the request could not be completed");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        return error(uri, status, status == 400 ? "the request could not be read: " + e.getMessage() : e.getMessage());
    }

    private static Response error(UriInfo uri, int status, String description) {
        String format = uri != null && uri.getPath().endsWith(".xml") ? "xml" : "json";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        return Response.status(status).type(Open311Format.mediaType(format))
                .entity(Open311Format.write(format, "errors", List.of(error))).build();
    }

    private static String open311Field(String field) {
        return switch (field) {
            case "place.lat" -> "lat";
            case "place.lon" -> "long";
            case "place.areaCode" -> "jurisdiction_id";
            case "category" -> "service_code";
            default -> field;
        };
    }

    private static Response answer(String format, int status, String root, Object body) {
        return Response.status(status).type(Open311Format.mediaType(format)).entity(Open311Format.write(format, root, body)).build();
    }

    /** The jurisdiction asked for, or the only one served when none is named. */
    private String jurisdiction(String id) {
        Map<String, String> served = config.open311().jurisdictions();
        if (id == null || id.isBlank()) {
            if (served.size() == 1) {
                return served.keySet().iterator().next();
            }
            throw new Open311Exception(400, "jurisdiction_id is required; this endpoint serves " + String.join(", ", served.keySet()));
        }
        if (!served.containsKey(id)) {
            throw new Open311Exception(404, "jurisdiction_id " + id + " not found");
        }
        return id;
    }

    private static String first(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Double number(MultivaluedMap<String, String> form, String name, double min, double max) {
        String v = first(form, name);
        if (v == null) {
            return null;
        }
        try {
            double d = new BigDecimal(v).doubleValue();
            if (d < min || d > max) {
                throw new Open311Exception(400, name + " must be between " + (int) min + " and " + (int) max);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " must be a decimal number");
        }
    }

    private Instant date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value.trim()).atStartOfDay(config.zone()).toInstant();
            } catch (DateTimeParseException again) {
                throw new Open311Exception(400, name + " must be a W3C date and time, e.g. 2026-03-14T13:00:00+08:00");
            }
        }
    }

    private static List<GrievanceStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        Set<GrievanceStatus> wanted = EnumSet.noneOf(GrievanceStatus.class);
        for (String s : split(status)) {
            switch (s) {
                case "open" -> wanted.addAll(List.of(GrievanceStatus.RECEIVED, GrievanceStatus.TRIAGED,
                        GrievanceStatus.LINKED, GrievanceStatus.REOPENED));
                case "closed" -> wanted.addAll(List.of(GrievanceStatus.RESOLVED, GrievanceStatus.CLOSED));
                default -> throw new Open311Exception(400, "status must be open or closed");
            }
        }
        return new ArrayList<>(wanted);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> nonNull(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null).toList();
    }

    private String time(Instant t) {
        return t == null ? null : w3c.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
