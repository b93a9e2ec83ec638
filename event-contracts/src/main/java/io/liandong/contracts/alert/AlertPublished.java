package io.liandong.contracts.alert;

import io.liandong.contracts.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command HQ issued, updated or cancelled a public alert about an incident ("avoid the area",
 * "use exit X"); the same message is served as OASIS CAP 1.2 XML for public warning systems.
 *
 * @param alertId     Id of the alert; it stays the same through its updates and its cancellation.
 * @param identifier  CAP identifier of this message; every issue, update and cancel has its own.
 * @param incidentId  The incident the alert is about.
 * @param msgType     alert (first issue), update or cancel.
 * @param references  CAP identifiers of the earlier messages of this alert that this one updates or
 *                    cancels; empty for the first issue.
 * @param headline    Short text for the public.
 * @param instruction What people should do, e.g. avoid the area, use the east exit.
 * @param urgency     CAP urgency, e.g. Immediate, Expected.
 * @param severity    CAP severity, e.g. Moderate, Severe.
 * @param certainty   CAP certainty, e.g. Observed, Likely.
 * @param areaDesc    The area the alert is for, in words.
 * @param expiresAt   When the alert stops applying.
 * @param sentBy      The operator who sent it.
 * @param sentAt      When it was sent.
 */
public record AlertPublished(
        String alertId,
        String identifier,
        String incidentId,
        AlertMessageType msgType,
        List<String> references,
        String headline,
        String instruction,
        String urgency,
        String severity,
        String certainty,
        String areaDesc,
        Instant expiresAt,
        String sentBy,
        Instant sentAt) implements EventPayload {

    public AlertPublished {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(msgType, "msgType");
        references = List.copyOf(Objects.requireNonNull(references, "references"));
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(certainty, "certainty");
        Objects.requireNonNull(areaDesc, "areaDesc");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    public String subject() {
        return alertId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.of(incidentId);
    }
}
