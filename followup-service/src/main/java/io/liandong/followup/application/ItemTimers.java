package io.liandong.followup.application;

import io.liandong.followup.config.FollowupConfig;
import io.liandong.followup.persistence.ItemEntity;
import io.liandong.platform.deadline.Deadline;
import io.liandong.platform.deadline.Deadlines;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * An item's durable timers (platform deadlines of kind {@value #KIND}): a reminder per configured
 * lead time ({@code remind:P3D}, ...), {@code overdue} at the due date, then {@code escalate:<rung>}.
 */
@ApplicationScoped
public class ItemTimers {

    public static final String KIND = "followup.item";

    private final Deadlines deadlines;
    private final FollowupConfig config;

    ItemTimers(Deadlines deadlines, FollowupConfig config) {
        this.deadlines = deadlines;
        this.config = config;
    }

    /** Reminders still ahead and the overdue check; {@code suffix} keeps the names of a reopened item's timers unique. */
    void schedule(ItemEntity item, Instant now, String suffix) {
        for (Duration before : config.remindBefore()) {
            Instant at = item.dueAt.minus(before);
            if (at.isAfter(now)) {
                deadlines.schedule(new Deadline(KIND, item.id, "remind:" + before + suffix, item.incidentId, at, before.toString()));
            }
        }
        Instant overdueAt = item.dueAt.isAfter(now) ? item.dueAt : now;
        deadlines.schedule(new Deadline(KIND, item.id, "overdue" + suffix, item.incidentId, overdueAt, null));
    }

    void escalateLater(ItemEntity item, int rung, Instant now) {
        deadlines.schedule(new Deadline(KIND, item.id, "escalate:" + rung, item.incidentId,
                now.plus(config.escalationInterval()), null));
    }

    void cancelAll(ItemEntity item) {
        deadlines.cancel(KIND, item.id, "");
    }
}
