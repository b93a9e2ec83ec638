package io.liandong.contracts.grievance;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.common.Place;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A grievance came in through the fast response channel (web, hotline, a partner app or at a
 * counter).
 *
 * @param grievanceId    Id of the grievance.
 * @param category       Broad category, e.g. commercial-dispute, wage-dispute.
 * @param disputeType    What the grievance is about, e.g. rent-increase; surge detection groups by it.
 * @param description    The grievance in the complainant's words.
 * @param place          Where the problem is.
 * @param channel        How it came in.
 * @param partnerId      The partner system it came through; present exactly when channel is partner-
 *                       app.
 * @param complainantRef Opaque reference to the complainant, resolvable only inside grievance-service.
 *                       Contact details never go on an event.
 * @param attachmentUrls Photos or documents the complainant attached.
 * @param receivedAt     When it was received.
 */
public record GrievanceReceived(
        String grievanceId,
        String category,
        String disputeType,
        String description,
        Place place,
        GrievanceChannel channel,
        String partnerId,
        String complainantRef,
        List<String> attachmentUrls,
        Instant receivedAt) implements EventPayload {

    public GrievanceReceived {
        Objects.requireNonNull(grievanceId, "grievanceId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(disputeType, "disputeType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(complainantRef, "complainantRef");
        attachmentUrls = List.copyOf(Objects.requireNonNull(attachmentUrls, "attachmentUrls"));
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String subject() {
        return grievanceId;
    }

    @Override
    public Optional<String> incident() {
        return Optional.empty();
    }
}
