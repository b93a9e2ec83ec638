package io.liandong.grievance.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.common.Place;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.grievance.GrievanceChannel;
import io.liandong.contracts.grievance.GrievanceClosed;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.grievance.GrievanceOutcome;
import io.liandong.contracts.grievance.GrievancePriority;
import io.liandong.contracts.grievance.GrievanceReceived;
import io.liandong.contracts.grievance.GrievanceReopened;
import io.liandong.contracts.grievance.GrievanceTriaged;
import io.liandong.grievance.config.GrievanceConfig;
import io.liandong.grievance.domain.Catalogue;
import io.liandong.grievance.domain.GrievanceLifecycle;
import io.liandong.grievance.domain.GrievanceStatus;
import io.liandong.grievance.domain.Voices;
import io.liandong.grievance.persistence.ComplainantContactEntity;
import io.liandong.grievance.persistence.GrievanceEntity;
import io.liandong.grievance.persistence.GrievanceStepEntity;
import io.liandong.platform.error.FieldError;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.StaleVersionException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.idempotency.Idempotency;
import io.liandong.platform.outbox.Outbox;
import io.liandong.platform.outbox.OutgoingEvent;
import io.liandong.platform.paging.Cursor;
import io.liandong.platform.paging.Page;
import io.liandong.platform.paging.PageSize;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/** Files, reads and changes grievances; every change commits together with its event. */
@ApplicationScoped
@Transactional
public class GrievanceService {

    static final String FILE_SCOPE = "POST /api/v1/grievances";
    /** How many grievance updates go to the database in one batch when many are linked at once. */
    static final int UPDATE_BATCH = 50;

    private final Outbox outbox;
    private final Clock clock;
    private final GrievanceConfig config;
    private final Catalogue catalogue;
    private final Idempotency idempotency;
    private final Complainants complainants;
    private final SurgeService surges;
    private final Progress progress;
    private final PageSize pageSize;
    private final ObjectMapper json = new ObjectMapper();

    GrievanceService(Outbox outbox, Clock clock, GrievanceConfig config, Catalogue catalogue, Idempotency idempotency,
                     Complainants complainants, SurgeService surges, Progress progress) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.catalogue = catalogue;
        this.idempotency = idempotency;
        this.complainants = complainants;
        this.surges = surges;
        this.progress = progress;
        this.pageSize = new PageSize(config.paging().defaultSize(), config.paging().maxSize());
    }

    /**
     * Files a grievance: stored, its {@code grievance.received} event in the outbox, and surge
     * detection run, all in one transaction. With an idempotency key, a retry of the same request
     * returns the first result; {@code scope} tells apart the callers that may pick the same key.
     */
    public Idempotency.Outcome<GrievanceView> file(NewGrievance request, String scope, String idempotencyKey) {
        Catalogue.Entry entry = check(request);
        return idempotency.run(scope, idempotencyKey, request, GrievanceView.class, () -> create(request, entry));
    }

    public Idempotency.Outcome<GrievanceView> file(NewGrievance request, String idempotencyKey) {
        return file(request, FILE_SCOPE, idempotencyKey);
    }

    private Catalogue.Entry check(NewGrievance g) {
        List<FieldError> errors = new ArrayList<>();
        Catalogue.Entry entry = catalogue.category(g.category()).orElse(null);
        if (entry == null) {
            errors.add(new FieldError("category", "no category " + g.category() + " in the catalogue (see GET /api/v1/categories)"));
        }
        if ((g.lat() == null) != (g.lon() == null)) {
            errors.add(new FieldError("place", "give both lat and lon, or neither"));
        }
        if (g.lat() == null && (g.address() == null || g.address().isBlank())) {
            errors.add(new FieldError("place", "give coordinates, an address, or both"));
        }
        if (g.lat() == null && g.areaCode() != null && catalogue.area(g.areaCode()).isEmpty()) {
            errors.add(new FieldError("place.areaCode", "area " + g.areaCode()
                    + " is not in the catalogue; a grievance without coordinates needs a known area"));
        }
        if ((g.channel() == GrievanceChannel.PARTNER_APP) != (g.partnerId() != null)) {
            errors.add(new FieldError("partnerId", "is required with channel partner-app and only with it"));
        }
        if (entry != null) {
            errors.addAll(Attributes.check(entry.category(), g.attributes()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return entry;
    }

    private GrievanceView create(NewGrievance g, Catalogue.Entry entry) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Complainants.Identity who = complainants.identify(g);
        var area = catalogue.area(g.areaCode());
        GrievanceEntity e = new GrievanceEntity();
        e.id = "grv-" + UUID.randomUUID();
        e.token = "tok-" + UUID.randomUUID();
        e.category = entry.category().code();
        e.disputeType = entry.disputeType().code();
        e.department = entry.department().code();
        e.description = g.description();
        e.located = g.lat() != null;
        e.lat = e.located ? g.lat() : area.orElseThrow().lat();
        e.lon = e.located ? g.lon() : area.orElseThrow().lon();
        e.address = g.address();
        e.areaCode = g.areaCode();
        e.channel = WireValues.of(g.channel());
        e.partnerId = g.partnerId();
        e.jurisdictionId = g.jurisdictionId();
        e.complainantRef = who.ref();
        e.voice = Voices.of(who.ref(), who.identified(), g.description());
        e.attachmentUrls = write(g.attachmentUrls());
        e.attributes = write(g.attributes());
        e.status = wire(GrievanceStatus.RECEIVED);
        e.statusNote = "Received; the " + entry.department().name() + " is competent for it.";
        e.receivedAt = now;
        e.updatedAt = now;
        // Surge detection first: it places the grievance in its cluster, so the row is written once.
        java.util.Optional<String> incidentOfCluster = surges.file(e, entry, now);
        e.persist();
        if (g.contact() != null) {
            ComplainantContactEntity c = new ComplainantContactEntity();
            c.grievanceId = e.id;
            c.name = g.contact().name();
            c.phone = g.contact().phone();
            c.email = g.contact().email();
            c.persist();
        }
        step(e, "received", e.statusNote, now);
        String address = g.address() != null && !g.address().isBlank() ? g.address()
                : area.map(Catalogue.Area::name).orElse(String.format(Locale.ROOT, "%.6f, %.6f", e.lat, e.lon));
        outbox.publish(OutgoingEvent.of(new GrievanceReceived(e.id, e.category, e.disputeType, e.description,
                new Place(e.lat, e.lon, address, e.areaCode), g.channel(), e.partnerId, e.complainantRef,
                g.attachmentUrls(), now)));
        // It joined a surge an incident was opened from: that incident answers it too.
        incidentOfCluster.ifPresent(incident -> linkTo(e, incident, IncidentUpdates.LINKED_BY));
        return flushed(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GrievanceDetail get(String id) {
        GrievanceEntity e = find(id);
        return new GrievanceDetail(view(e), progress.of(e));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GrievanceView getByToken(String token) {
        GrievanceEntity e = GrievanceEntity.find("token", token).firstResult();
        if (e == null) {
            throw new UnknownResourceException("token", token);
        }
        return view(e);
    }

    /** Newest first; the cursor holds the received time and id of the last grievance shown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GrievanceView> list(GrievanceQuery q, String cursor, Integer limit) {
        int size = pageSize.resolve(limit);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filters(q, where, params);
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, 2);
            Instant at = c.instant(0);
            where.append(" and (receivedAt < :cursorAt or (receivedAt = :cursorAt and id < :cursorId))");
            params.and("cursorAt", at).and("cursorId", c.value(1));
        }
        List<GrievanceEntity> rows = GrievanceEntity.<GrievanceEntity>find(where + " order by receivedAt desc, id desc", params)
                .page(0, size + 1).list();
        return Page.of(rows, size, this::view, r -> Cursor.of(r.receivedAt.toString(), r.id));
    }

    /** At most {@code max} grievances matching {@code q}, newest first (Open311's {@code GET requests}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GrievanceView> search(GrievanceQuery q, int max) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filters(q, where, params);
        return GrievanceEntity.<GrievanceEntity>find(where + " order by receivedAt desc, id desc", params)
                .page(0, max).list().stream().map(this::view).toList();
    }

    private static void filters(GrievanceQuery q, StringBuilder where, Parameters params) {
        if (!q.ids().isEmpty()) {
            where.append(" and id in :ids");
            params.and("ids", q.ids());
        }
        if (!q.statuses().isEmpty()) {
            where.append(" and status in :statuses");
            params.and("statuses", q.statuses().stream().map(GrievanceService::wire).toList());
        }
        if (!q.categories().isEmpty()) {
            where.append(" and category in :categories");
            params.and("categories", q.categories());
        }
        if (q.areaCode() != null) {
            where.append(" and areaCode = :area");
            params.and("area", q.areaCode());
        }
        if (q.from() != null) {
            where.append(" and receivedAt >= :from");
            params.and("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and receivedAt < :to");
            params.and("to", q.to());
        }
    }

    public GrievanceView triage(String id, String category, GrievancePriority priority, String note, String triagedBy,
                                Long ifMatch) {
        GrievanceEntity e = findForChange(id, ifMatch);
        Catalogue.Entry entry = category == null ? catalogue.category(e.category).orElseThrow()
                : catalogue.category(category).orElseThrow(() -> new InvalidInputException("category",
                "no category " + category + " in the catalogue (see GET /api/v1/categories)"));
        e.status = wire(GrievanceLifecycle.triage(id, status(e)));
        Instant now = clock.instant();
        e.category = entry.category().code();
        e.disputeType = entry.disputeType().code();
        e.department = entry.department().code();
        e.priority = WireValues.of(priority);
        e.updatedAt = now;
        e.statusNote = "Being looked at by the " + entry.department().name() + ".";
        step(e, "triaged", e.statusNote, now);
        outbox.publish(OutgoingEvent.of(new GrievanceTriaged(e.id, e.category, e.disputeType, priority, triagedBy, now, note)));
        return flushed(e);
    }

    public GrievanceView link(String id, String incidentId, String linkedBy, Long ifMatch) {
        GrievanceEntity e = findForChange(id, ifMatch);
        linkTo(e, incidentId, linkedBy);
        return flushed(e);
    }

    /**
     * Links one grievance when allowed: a request's, or one filed into a surge that became an incident.
     *
     * @return whether it linked
     */
    boolean linkTo(GrievanceEntity e, String incidentId, String linkedBy) {
        return linkAll(List.of(e), incidentId, linkedBy, null, progress.lineOfIncident(incidentId)) == 1;
    }

    /**
     * Links each grievance that may be linked ({@link GrievanceLifecycle#link}) to the incident, showing the incident's
     * latest line ({@link Progress#lineOfIncident}), read once by the caller for them all. However many they are (a
     * surge's thousands), their steps are one statement, their events one round trip, and their updates go to the
     * database in batches.
     *
     * @return how many it linked
     */
    int linkAll(List<GrievanceEntity> grievances, String incidentId, String linkedBy, EventEnvelope cause,
                String incidentLine) {
        Instant now = clock.instant();
        List<String> linked = new ArrayList<>();
        List<OutgoingEvent> events = new ArrayList<>();
        for (GrievanceEntity e : grievances) {
            if (!GrievanceLifecycle.link(e.id, status(e), e.incidentId, incidentId)) {
                continue;
            }
            e.incidentId = incidentId;
            if (status(e) != GrievanceStatus.REOPENED) {
                e.status = wire(GrievanceStatus.LINKED);
            }
            e.updatedAt = now;
            e.statusNote = incidentLine;
            linked.add(e.id);
            OutgoingEvent event = OutgoingEvent.of(new GrievanceLinked(e.id, incidentId, linkedBy, now, e.surgeClusterId));
            events.add(cause == null ? event : event.causedBy(cause));
        }
        if (linked.isEmpty()) {
            return 0;
        }
        Session session = GrievanceEntity.getSession();
        if (linked.size() > 1) {
            // For the rest of this transaction: the updates of these grievances are flushed UPDATE_BATCH at a time.
            session.setJdbcBatchSize(UPDATE_BATCH);
        }
        // The grievances go first, a new one too: their steps refer to them.
        session.flush();
        session.doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO grievance_step (grievance_id, kind, text, occurred_at)
                    SELECT id, 'linked', ?, ? FROM unnest(?::varchar[]) WITH ORDINALITY AS linked (id, n) ORDER BY n""")) {
                insert.setString(1, Progress.TAKEN_UP);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setArray(3, connection.createArrayOf("varchar", linked.toArray()));
                insert.executeUpdate();
            }
        });
        outbox.publishAll(events);
        return linked.size();
    }

    public GrievanceView close(String id, GrievanceOutcome outcome, String reason, String closedBy, Long ifMatch) {
        GrievanceEntity e = findForChange(id, ifMatch);
        GrievanceLifecycle.close(id, status(e));
        Instant now = clock.instant();
        e.status = wire(outcome == GrievanceOutcome.RESOLVED ? GrievanceStatus.RESOLVED : GrievanceStatus.CLOSED);
        e.outcome = WireValues.of(outcome);
        e.closeReason = reason;
        e.closedAt = now;
        e.updatedAt = now;
        e.statusNote = (outcome == GrievanceOutcome.RESOLVED ? "Resolved: " : "Closed: ") + reason;
        step(e, outcome == GrievanceOutcome.RESOLVED ? "resolved" : "closed", e.statusNote, now);
        outbox.publish(OutgoingEvent.of(new GrievanceClosed(e.id, e.incidentId, outcome, reason, closedBy, now)));
        return flushed(e);
    }

    public GrievanceView reopen(String id, String reason, String reopenedBy, Long ifMatch) {
        GrievanceEntity e = findForChange(id, ifMatch);
        Instant now = clock.instant();
        GrievanceLifecycle.reopen(id, status(e), e.closedAt, now, config.reopenPeriod());
        e.status = wire(GrievanceLifecycle.reopened());
        e.updatedAt = now;
        e.statusNote = "Reopened by the complainant: " + reason;
        step(e, "reopened", e.statusNote, now);
        outbox.publish(OutgoingEvent.of(new GrievanceReopened(e.id, e.incidentId, reason, reopenedBy, now)));
        return flushed(e);
    }

    /** The contact details, for the department competent for the grievance (or the command HQ) only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<ContactView> contact(String id, String agency) {
        GrievanceEntity e = find(id);
        boolean handling = agency != null && (catalogue.departmentOfAgency(agency)
                .map(d -> d.code().equals(e.department) || d.code().equals("city-command-hq")).orElse(false));
        if (!handling) {
            return java.util.Optional.empty();
        }
        ComplainantContactEntity c = ComplainantContactEntity.findById(id);
        return java.util.Optional.of(c == null ? new ContactView(id, null, null, null)
                : new ContactView(id, c.name, c.phone, c.email));
    }

    private GrievanceEntity find(String id) {
        GrievanceEntity e = GrievanceEntity.findById(id);
        if (e == null) {
            throw new UnknownResourceException("grievance", id);
        }
        return e;
    }

    private GrievanceEntity findForChange(String id, Long ifMatch) {
        GrievanceEntity e = find(id);
        if (ifMatch != null && ifMatch != e.version) {
            throw new StaleVersionException("grievance", id, Long.toString(ifMatch), Long.toString(e.version));
        }
        return e;
    }

    /** The view after the version bump, so the ETag it carries is the new one. */
    private GrievanceView flushed(GrievanceEntity e) {
        GrievanceEntity.flush();
        return view(e);
    }

    void step(GrievanceEntity e, String kind, String text, Instant at) {
        GrievanceStepEntity s = new GrievanceStepEntity();
        s.grievanceId = e.id;
        s.kind = kind;
        s.text = text.length() > 4000 ? text.substring(0, 4000) : text;
        s.occurredAt = at;
        s.persist();
    }

    GrievanceView view(GrievanceEntity e) {
        var entry = catalogue.category(e.category);
        GrievanceStatus status = status(e);
        return new GrievanceView(e.id, e.token, e.category, entry.map(c -> c.category().name()).orElse(e.category),
                e.disputeType, e.department, catalogue.department(e.department).map(Catalogue.Department::name).orElse(e.department),
                entry.map(c -> c.category().serviceNotice()).orElse(null), e.description,
                e.located ? e.lat : null, e.located ? e.lon : null, e.address, e.areaCode,
                WireValues.parse(GrievanceChannel.class, e.channel), e.partnerId, e.jurisdictionId, e.complainantRef,
                read(e.attachmentUrls, new TypeReference<List<String>>() { }),
                read(e.attributes, new TypeReference<Map<String, String>>() { }), status,
                e.priority == null ? null : WireValues.parse(GrievancePriority.class, e.priority), e.incidentId,
                e.surgeClusterId, e.outcome == null ? null : WireValues.parse(GrievanceOutcome.class, e.outcome),
                e.closeReason, e.closedAt, status.isClosed() ? e.closedAt.plus(config.reopenPeriod()) : null,
                e.statusNote, e.expectedAt, e.receivedAt, e.updatedAt, e.version);
    }

    static GrievanceStatus status(GrievanceEntity e) {
        return WireValues.parse(GrievanceStatus.class, e.status);
    }

    static String wire(GrievanceStatus status) {
        return WireValues.of(status);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
