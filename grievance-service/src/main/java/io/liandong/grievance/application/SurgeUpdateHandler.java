package io.liandong.grievance.application;

import io.liandong.platform.deadline.DeadlineHandler;
import io.liandong.platform.deadline.DueDeadline;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Raises a cluster's held-back update when its pacing interval ends, in the transaction that marks the
 * deadline fired: once, whichever replica checks first, and again after a crash in between.
 */
@ApplicationScoped
public class SurgeUpdateHandler implements DeadlineHandler {

    private final SurgeService surges;

    SurgeUpdateHandler(SurgeService surges) {
        this.surges = surges;
    }

    @Override
    public String kind() {
        return SurgeService.UPDATE;
    }

    @Override
    public void onDue(DueDeadline due) {
        surges.raiseHeldBack(due.deadline().subject(), due.firedAt());
    }
}
