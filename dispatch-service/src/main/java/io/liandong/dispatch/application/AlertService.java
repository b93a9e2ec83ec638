package io.liandong.dispatch.application;

import io.liandong.contracts.alert.AlertMessageType;
import io.liandong.contracts.alert.AlertPublished;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.config.DispatchConfig;
import io.liandong.dispatch.domain.IncidentLifecycle;
import io.liandong.dispatch.domain.alert.CapAlert;
import io.liandong.dispatch.domain.alert.CapXml;
import io.liandong.dispatch.persistence.AlertEntity;
import io.liandong.dispatch.persistence.IncidentEntity;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.versioning.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Public alerts for an incident ("avoid the area", "use exit X"): issued, updated and cancelled by
 * operators, each message announced as {@code alert.published} and served as CAP 1.2 XML.
 */
@ApplicationScoped
@Transactional
public class AlertService {

    /** A point of an area, WGS-84. */
    public record Point(double lat, double lon) {
    }

    /** What an operator writes; a null shape means a circle around the incident. */
    public record AlertContent(String headline, String instruction, String urgency, String severity, String certainty,
                               String responseType, String category, String areaDesc, Point centre, Double radiusKm,
                               List<Point> polygon, Instant expiresAt) {
    }

    public record AlertView(String id, String incidentId, String identifier, AlertMessageType msgType, int sequence,
                            List<String> references, String category, String event, String urgency, String severity,
                            String certainty, String responseType, String headline, String instruction, String areaDesc,
                            String circle, String polygon, Instant expiresAt, String sentBy, Instant sentAt, long version) {
    }

    private final Events events;
    private final Clock clock;
    private final DispatchConfig config;
    private final PlaybookService playbooks;

    AlertService(Events events, Clock clock, DispatchConfig config, PlaybookService playbooks) {
        this.events = events;
        this.clock = clock;
        this.config = config;
        this.playbooks = playbooks;
    }

    public AlertView issue(String incidentId, AlertContent content, String sentBy) {
        IncidentEntity incident = IncidentService.find(incidentId);
        requireOpen(incident);
        AlertEntity a = new AlertEntity();
        a.id = "alr-" + UUID.randomUUID();
        a.incidentId = incidentId;
        a.sequence = 0;
        a.capReferences = "";
        fill(a, incident, content);
        send(a, AlertMessageType.ALERT, sentBy);
        a.persist();
        AlertEntity.flush();
        return view(a);
    }

    public AlertView update(String incidentId, String alertId, AlertContent content, String sentBy, String ifMatch) {
        AlertEntity a = find(incidentId, alertId);
        Versions.requireMatch(ifMatch, a.version, "alert", alertId);
        requireLive(a);
        IncidentEntity incident = IncidentService.find(incidentId);
        requireOpen(incident);
        fill(a, incident, content);
        reference(a);
        send(a, AlertMessageType.UPDATE, sentBy);
        AlertEntity.flush();
        return view(a);
    }

    /** Cancels the alert (also for a closed incident: the public must hear that it is over). */
    public AlertView cancel(String incidentId, String alertId, String sentBy, String reason, String ifMatch) {
        AlertEntity a = find(incidentId, alertId);
        Versions.requireMatch(ifMatch, a.version, "alert", alertId);
        requireLive(a);
        reference(a);
        if (reason != null) {
            a.instruction = reason;
        }
        send(a, AlertMessageType.CANCEL, sentBy);
        AlertEntity.flush();
        return view(a);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertView> list(String incidentId) {
        IncidentService.find(incidentId);
        return AlertEntity.<AlertEntity>list("incidentId = ?1 ORDER BY sentAt, id", incidentId).stream()
                .map(AlertService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AlertView get(String incidentId, String alertId) {
        return view(find(incidentId, alertId));
    }

    /** The alert's current message as OASIS CAP 1.2 XML. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String cap(String incidentId, String alertId) {
        AlertEntity a = find(incidentId, alertId);
        return CapXml.write(new CapAlert(a.identifier, config.alerts().sender(), a.sentAt, "Actual", capMsgType(a.msgType),
                "Public", null, references(a), a.incidentId, "zh-CN", a.category, a.event, a.responseType, a.urgency,
                a.severity, a.certainty, a.expiresAt, config.alerts().senderName(), a.headline, a.instruction, a.areaDesc,
                a.polygon, a.circle));
    }

    private void fill(AlertEntity a, IncidentEntity incident, AlertContent c) {
        List<io.liandong.platform.error.FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        a.headline = c.headline();
        a.instruction = c.instruction();
        a.category = c.category() == null ? "Safety" : c.category();
        a.event = playbooks.version(incident.playbookVersion).incidentType(incident.incidentType)
                .map(t -> t.name()).orElse(incident.incidentType);
        a.urgency = c.urgency() == null ? "Immediate" : c.urgency();
        a.severity = c.severity() == null ? capSeverity(WireValues.parse(Severity.class, incident.severity)) : c.severity();
        a.certainty = c.certainty() == null ? "Observed" : c.certainty();
        a.responseType = c.responseType() == null ? "Avoid" : c.responseType();
        a.areaDesc = c.areaDesc() == null ? incident.address : c.areaDesc();
        a.expiresAt = c.expiresAt() == null ? now.plus(config.alerts().defaultLifetime()) : c.expiresAt();
        if (!a.expiresAt.isAfter(now)) {
            errors.add(new io.liandong.platform.error.FieldError("expiresAt", "must be in the future"));
        }
        if (c.polygon() != null && !c.polygon().isEmpty()) {
            if (c.polygon().size() < 3) {
                errors.add(new io.liandong.platform.error.FieldError("polygon", "needs at least three points"));
            }
            if (c.centre() != null || c.radiusKm() != null) {
                errors.add(new io.liandong.platform.error.FieldError("polygon", "give a polygon or a circle, not both"));
            }
            List<Point> ring = new ArrayList<>(c.polygon());
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                ring.add(ring.get(0));   // CAP wants the first point repeated last
            }
            a.polygon = ring.stream().map(p -> coordinate(p.lat()) + "," + coordinate(p.lon())).collect(Collectors.joining(" "));
            a.circle = null;
        } else {
            Point centre = c.centre() == null ? new Point(incident.lat, incident.lon) : c.centre();
            double radius = c.radiusKm() == null ? config.alerts().defaultRadiusKm() : c.radiusKm();
            a.circle = coordinate(centre.lat()) + "," + coordinate(centre.lon()) + " " + coordinate(radius);
            a.polygon = null;
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void reference(AlertEntity a) {
        String previous = config.alerts().sender() + "," + a.identifier + "," + CapXml.time(a.sentAt);
        a.capReferences = (a.capReferences.isBlank() ? "" : a.capReferences + " ") + previous;
    }

    private void send(AlertEntity a, AlertMessageType type, String sentBy) {
        a.sequence++;
        a.msgType = WireValues.of(type);
        a.identifier = "liandong-dispatch-" + a.id + "-" + a.sequence;
        a.sentBy = sentBy;
        // CAP times have whole seconds; keep the stored time the one the XML shows.
        a.sentAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        events.publish(new AlertPublished(a.id, a.identifier, a.incidentId, type,
                references(a).stream().map(r -> r.split(",")[1]).toList(), a.headline, a.instruction, a.urgency,
                a.severity, a.certainty, a.areaDesc, a.expiresAt, sentBy, a.sentAt), null);
    }

    private static void requireOpen(IncidentEntity incident) {
        if (IncidentLifecycle.isFinal(WireValues.parse(IncidentStatus.class, incident.status))) {
            throw new IllegalStateChangeException("incident " + incident.id + " is " + incident.status
                    + "; only its alerts' cancellation is still possible");
        }
    }

    private static void requireLive(AlertEntity a) {
        if (WireValues.of(AlertMessageType.CANCEL).equals(a.msgType)) {
            throw new IllegalStateChangeException("alert " + a.id + " is cancelled");
        }
    }

    private static AlertEntity find(String incidentId, String alertId) {
        AlertEntity a = AlertEntity.findById(alertId);
        if (a == null || !a.incidentId.equals(incidentId)) {
            throw new UnknownResourceException("alert of incident " + incidentId, alertId);
        }
        return a;
    }

    private static List<String> references(AlertEntity a) {
        return a.capReferences.isBlank() ? List.of() : Arrays.asList(a.capReferences.split(" "));
    }

    static String capSeverity(Severity severity) {
        return switch (severity) {
            case LOW -> "Minor";
            case MEDIUM -> "Moderate";
            case HIGH -> "Severe";
            case CRITICAL -> "Extreme";
        };
    }

    private static String capMsgType(String wire) {
        String s = wire.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String coordinate(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static AlertView view(AlertEntity a) {
        return new AlertView(a.id, a.incidentId, a.identifier, WireValues.parse(AlertMessageType.class, a.msgType), a.sequence,
                references(a), a.category, a.event, a.urgency, a.severity, a.certainty, a.responseType, a.headline,
                a.instruction, a.areaDesc, a.circle, a.polygon, a.expiresAt, a.sentBy, a.sentAt, a.version);
    }
}
