package io.liandong.followup.application;

import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.followup.FollowupItemReopened;
import io.liandong.contracts.followup.FollowupItemStatus;
import io.liandong.contracts.followup.FollowupItemUpdated;
import io.liandong.contracts.followup.FollowupItemVerified;
import io.liandong.contracts.followup.FollowupVerificationRequested;
import io.liandong.followup.config.FollowupConfig;
import io.liandong.followup.domain.ItemLifecycle;
import io.liandong.followup.domain.ItemLifecycle.Move;
import io.liandong.followup.domain.Lines;
import io.liandong.followup.persistence.ItemEntity;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.idempotency.Idempotency;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.outbox.OutgoingEvent;
import io.liandong.platform.outbox.Outbox;
import io.liandong.platform.paging.Cursor;
import io.liandong.platform.paging.Page;
import io.liandong.platform.paging.PageSize;
import io.liandong.platform.versioning.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The owner's and the beneficiaries' moves on an item; each change publishes its events through the outbox. */
@ApplicationScoped
@Transactional
public class ItemService {

    private final Outbox outbox;
    private final ItemTimers timers;
    private final FollowupConfig config;
    private final Clock clock;
    private final Idempotency idempotency;

    ItemService(Outbox outbox, ItemTimers timers, FollowupConfig config, Clock clock, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.timers = timers;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ItemView get(String itemId) {
        return Views.item(find(itemId));
    }

    /** The items an agency is responsible for, soonest due first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ItemView> ofAgency(String agencyId, Integer limit, String cursor) {
        int size = PageSize.STANDARD.resolve(limit);
        StringBuilder q = new StringBuilder("responsibleAgencyId = :agency");
        Map<String, Object> params = new HashMap<>();
        params.put("agency", agencyId);
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, 2);
            Instant at = c.instant(0);
            q.append(" AND (dueAt > :at OR (dueAt = :at AND id > :id))");
            params.put("at", at);
            params.put("id", c.value(1));
        }
        q.append(" ORDER BY dueAt, id");
        List<ItemEntity> rows = ItemEntity.<ItemEntity>find(q.toString(), params).page(0, size + 1).list();
        return Page.of(rows, size, Views::item, r -> Cursor.of(r.dueAt.toString(), r.id));
    }

    /** A move's request as its Idempotency-Key remembers it: a retry with the same key and request replays the answer. */
    public record MoveRequest(String itemId, String move, String ifMatch, String by, String note, List<String> evidenceUrls,
                       String grievanceId) {
    }

    public Idempotency.Outcome<ItemView> start(String itemId, String agency, String ifMatch, String idempotencyKey) {
        return idempotency.run(scope(itemId, "start", agency), idempotencyKey,
                new MoveRequest(itemId, "start", ifMatch, agency, null, null, null), ItemView.class,
                () -> start(itemId, agency, ifMatch));
    }

    public Idempotency.Outcome<ItemView> done(String itemId, String agency, String ifMatch, String note, List<String> evidenceUrls,
                                              String idempotencyKey) {
        return idempotency.run(scope(itemId, "done", agency), idempotencyKey,
                new MoveRequest(itemId, "done", ifMatch, agency, note, evidenceUrls, null), ItemView.class,
                () -> done(itemId, agency, ifMatch, note, evidenceUrls));
    }

    public Idempotency.Outcome<ItemView> verify(String itemId, String ifMatch, String beneficiaryId, String caller, String note,
                                                String idempotencyKey) {
        return idempotency.run(scope(itemId, "verify", beneficiaryId), idempotencyKey,
                new MoveRequest(itemId, "verify", ifMatch, beneficiaryId, note, null, null), ItemView.class,
                () -> verify(itemId, ifMatch, beneficiaryId, caller, note));
    }

    public Idempotency.Outcome<ItemView> dispute(String itemId, String ifMatch, String beneficiaryId, String caller, String reason,
                                                 String grievanceId, String idempotencyKey) {
        return idempotency.run(scope(itemId, "dispute", beneficiaryId), idempotencyKey,
                new MoveRequest(itemId, "dispute", ifMatch, beneficiaryId, reason, null, grievanceId), ItemView.class,
                () -> dispute(itemId, ifMatch, beneficiaryId, caller, reason, grievanceId));
    }

    private static String scope(String itemId, String move, String by) {
        return "POST /api/v1/followup-items/" + itemId + "/" + move + " " + by;
    }

    ItemView start(String itemId, String agency, String ifMatch) {
        ItemEntity item = own(itemId, agency, ifMatch);
        FollowupItemStatus from = Views.status(item);
        FollowupItemStatus to = ItemLifecycle.next(from, Move.START);
        Instant now = move(item, to);
        updated(item, from, to, agency, null, List.of(), now);
        return flushed(item);
    }

    ItemView done(String itemId, String agency, String ifMatch, String note, List<String> evidenceUrls) {
        ItemEntity item = own(itemId, agency, ifMatch);
        FollowupItemStatus from = Views.status(item);
        FollowupItemStatus to = ItemLifecycle.next(from, Move.DONE);
        requireEvidence(evidenceUrls);
        Instant now = move(item, to);
        item.note = note.strip();
        item.evidenceUrls = Lines.join(evidenceUrls);
        item.doneAt = now;
        timers.cancelAll(item);
        updated(item, from, to, agency, item.note, evidenceUrls, now);
        outbox.publish(OutgoingEvent.of(new FollowupVerificationRequested(item.id, item.planId, item.incidentId,
                Lines.split(item.linkedGrievanceIds), item.verifierAgencyId, now, now.plus(config.verificationWindow()))));
        return flushed(item);
    }

    /**
     * A beneficiary confirms a done item. Someone the commitment was not made to: 422 naming
     * beneficiaryId; an item the HQ verifies, called by another agency: 422 naming the caller's agency.
     */
    ItemView verify(String itemId, String ifMatch, String beneficiaryId, String caller, String note) {
        ItemEntity item = find(itemId);
        Versions.requireMatch(ifMatch, item.version, "follow-up item", itemId);
        FollowupItemStatus from = Views.status(item);
        FollowupItemStatus to = ItemLifecycle.next(from, Move.VERIFY);
        requireBeneficiary(item, beneficiaryId, caller);
        Instant now = move(item, to);
        updated(item, from, to, beneficiaryId, note, List.of(), now);
        outbox.publish(OutgoingEvent.of(new FollowupItemVerified(item.id, item.planId, item.incidentId, beneficiaryId, now,
                note, Lines.split(item.evidenceUrls))));
        return flushed(item);
    }

    /** A beneficiary disputes a done item: it is reopened and its timers start again. */
    ItemView dispute(String itemId, String ifMatch, String beneficiaryId, String caller, String reason, String grievanceId) {
        ItemEntity item = find(itemId);
        Versions.requireMatch(ifMatch, item.version, "follow-up item", itemId);
        FollowupItemStatus from = Views.status(item);
        FollowupItemStatus to = ItemLifecycle.next(from, Move.DISPUTE);
        requireBeneficiary(item, beneficiaryId, caller);
        if (grievanceId != null && !Lines.split(item.linkedGrievanceIds).contains(grievanceId)) {
            throw new InvalidInputException("grievanceId", "is not a grievance this commitment answers");
        }
        Instant now = move(item, to);
        item.doneAt = null;
        updated(item, from, to, beneficiaryId, reason, List.of(), now);
        outbox.publish(OutgoingEvent.of(new FollowupItemReopened(item.id, item.planId, item.incidentId, reason,
                beneficiaryId, grievanceId, now)));
        timers.schedule(item, now, "#" + (item.version + 1));
        return flushed(item);
    }

    private ItemEntity find(String itemId) {
        ItemEntity item = ItemEntity.findById(itemId);
        if (item == null) {
            throw new UnknownResourceException("follow-up item", itemId);
        }
        return item;
    }

    /** The responsible agency's item; another agency's is answered as if it did not exist. */
    private ItemEntity own(String itemId, String agency, String ifMatch) {
        ItemEntity item = find(itemId);
        if (!item.responsibleAgencyId.equals(agency)) {
            throw new UnknownResourceException("follow-up item", itemId);
        }
        Versions.requireMatch(ifMatch, item.version, "follow-up item", itemId);
        return item;
    }

    private static void requireBeneficiary(ItemEntity item, String beneficiaryId, String caller) {
        if (!Lines.split(item.beneficiaries).contains(beneficiaryId)) {
            throw new InvalidInputException("beneficiaryId", "the commitment was not made to " + beneficiaryId);
        }
        if (item.agencyVerified && (caller == null || !caller.trim().equals(beneficiaryId))) {
            throw new InvalidInputException("agency", beneficiaryId + " verifies this item and must call as itself (the token's agency)");
        }
    }

    private static void requireEvidence(List<String> urls) {
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            boolean ok;
            try {
                URI uri = url == null ? null : new URI(url);
                ok = uri != null && uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                        && uri.getHost() != null;
            } catch (Exception e) {
                ok = false;
            }
            if (!ok) {
                throw new InvalidInputException("evidenceUrls[" + i + "]", "must be an absolute http(s) URL");
            }
        }
    }

    private Instant move(ItemEntity item, FollowupItemStatus to) {
        Instant now = clock.instant();
        item.status = WireValues.of(to);
        item.updatedAt = now;
        return now;
    }

    private void updated(ItemEntity item, FollowupItemStatus from, FollowupItemStatus to, String by, String note,
                         List<String> evidence, Instant now) {
        outbox.publish(OutgoingEvent.of(new FollowupItemUpdated(item.id, item.planId, item.incidentId, from, to, by, note,
                evidence, now)));
    }

    private static ItemView flushed(ItemEntity item) {
        ItemEntity.flush();
        return Views.item(item);
    }
}
