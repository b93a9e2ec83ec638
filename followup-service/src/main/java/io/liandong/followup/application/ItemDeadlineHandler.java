package io.liandong.followup.application;

import io.liandong.contracts.followup.FollowupItemEscalated;
import io.liandong.contracts.followup.FollowupItemOverdue;
import io.liandong.followup.config.FollowupConfig;
import io.liandong.followup.domain.EscalationLadder;
import io.liandong.followup.domain.ItemLifecycle;
import io.liandong.followup.persistence.ItemEntity;
import io.liandong.platform.deadline.DeadlineHandler;
import io.liandong.platform.deadline.DueDeadline;
import io.liandong.platform.outbox.OutgoingEvent;
import io.liandong.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * What an item's timer does when due, in the transaction that marks it fired (so once, however many
 * replicas check): a reminder (logged and counted; no event type fits), overdue (flagged,
 * {@code followup.item-overdue}, escalation rung 1), or the next escalation rung. Nothing once the
 * item is done or verified.
 */
@ApplicationScoped
public class ItemDeadlineHandler implements DeadlineHandler {

    private static final Logger LOG = Logger.getLogger(ItemDeadlineHandler.class);

    private final Outbox outbox;
    private final ItemTimers timers;
    private final FollowupMetrics metrics;
    private final FollowupConfig config;

    ItemDeadlineHandler(Outbox outbox, ItemTimers timers, FollowupMetrics metrics, FollowupConfig config) {
        this.outbox = outbox;
        this.timers = timers;
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public String kind() {
        return ItemTimers.KIND;
    }

    @Override
    public void onDue(DueDeadline due) {
        ItemEntity item = ItemEntity.findById(due.deadline().subject());
        if (item == null || ItemLifecycle.fulfilled(Views.status(item))) {
            return;
        }
        String name = due.deadline().name();
        Instant now = due.firedAt();
        if (name.startsWith("remind:")) {
            LOG.infof("follow-up item %s of %s is due %s (reminder %s before)", item.id, item.responsibleAgencyId,
                    item.dueAt, due.deadline().data());
            metrics.reminded(due.deadline().data());
        } else if (name.startsWith("overdue")) {
            if (!item.overdue) {
                item.overdue = true;
                outbox.publish(OutgoingEvent.of(new FollowupItemOverdue(item.id, item.planId, item.incidentId,
                        Views.owner(item), item.dueAt, now)));
            }
            escalate(item, now);
        } else if (name.startsWith("escalate:")) {
            escalate(item, now);
        }
    }

    private void escalate(ItemEntity item, Instant now) {
        if (item.escalationLevel >= EscalationLadder.TOP) {
            return;
        }
        int level = item.escalationLevel + 1;
        item.escalationLevel = level;
        item.updatedAt = now;
        outbox.publish(OutgoingEvent.of(new FollowupItemEscalated(item.id, item.planId, item.incidentId, level,
                EscalationLadder.rung(level, item.responsibleAgencyId, config.hqAgency()),
                "overdue since " + item.dueAt + ": " + item.action, now)));
        if (level < EscalationLadder.TOP) {
            timers.escalateLater(item, level + 1, now);
        }
    }
}
