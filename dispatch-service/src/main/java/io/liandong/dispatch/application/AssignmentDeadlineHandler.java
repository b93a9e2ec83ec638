package io.liandong.dispatch.application;

import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.AssignmentDeadlineWarning;
import io.liandong.contracts.assignment.AssignmentEscalated;
import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.dispatch.domain.AssignmentDeadlines;
import io.liandong.dispatch.domain.AssignmentDeadlines.Timer;
import io.liandong.dispatch.domain.AssignmentLifecycle;
import io.liandong.dispatch.domain.IncidentLifecycle;
import io.liandong.dispatch.domain.playbook.Playbook;
import io.liandong.dispatch.persistence.AssignmentEntity;
import io.liandong.dispatch.persistence.IncidentEntity;
import io.liandong.platform.deadline.Deadline;
import io.liandong.platform.deadline.DeadlineHandler;
import io.liandong.platform.deadline.Deadlines;
import io.liandong.platform.deadline.DueDeadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * What an assignment's clock does when it falls due: a warning, a breach (counted, announced,
 * escalated one rung), or the next escalation rung while the step is still not done. Runs in the
 * transaction that marks the timer fired, so each fires once however many replicas check.
 */
@ApplicationScoped
public class AssignmentDeadlineHandler implements DeadlineHandler {

    private final Events events;
    private final Deadlines deadlines;
    private final PlaybookService playbooks;
    private final AssignmentMetrics metrics;

    AssignmentDeadlineHandler(Events events, Deadlines deadlines, PlaybookService playbooks, AssignmentMetrics metrics) {
        this.events = events;
        this.deadlines = deadlines;
        this.playbooks = playbooks;
        this.metrics = metrics;
    }

    @Override
    public String kind() {
        return AssignmentService.DEADLINE_KIND;
    }

    @Override
    public void onDue(DueDeadline due) {
        Timer timer = Timer.fromData(due.deadline().name(), due.deadline().data(), due.deadline().dueAt());
        AssignmentEntity a = AssignmentEntity.findById(due.deadline().subject());
        if (a == null) {
            return;
        }
        AssignmentStatus status = WireValues.parse(AssignmentStatus.class, a.status);
        IncidentEntity incident = IncidentEntity.findById(a.incidentId);
        if (status == AssignmentStatus.RELEASED || AssignmentLifecycle.stepDone(timer.clock(), status)
                || IncidentLifecycle.isFinal(WireValues.parse(IncidentStatus.class, incident.status))) {
            return;   // the step was done (or no longer owed) after the timer was set
        }
        Instant now = due.firedAt();
        Instant dueAt = timer.clock() == DeadlineKind.ACKNOWLEDGE ? a.acknowledgeDueAt : a.onSceneDueAt;
        switch (timer.stage()) {
            case WARNING -> {
                events.publish(new AssignmentDeadlineWarning(a.id, a.incidentId, a.agencyId, timer.clock(),
                        timer.percent(), dueAt, now), null);
                metrics.warned(a.agencyRole, timer.clock());
            }
            case BREACH -> {
                if (timer.clock() == DeadlineKind.ACKNOWLEDGE) {
                    a.acknowledgeBreached = true;
                } else {
                    a.onSceneBreached = true;
                }
                events.publish(new AssignmentDeadlineBreached(a.id, a.incidentId, a.agencyId, timer.clock(), dueAt, now), null);
                metrics.breached(a.agencyRole, timer.clock());
                escalate(a, timer.clock(), a.escalationLevel + 1, now, "breached");
            }
            case ESCALATION -> escalate(a, timer.clock(), Math.max(timer.level(), a.escalationLevel + 1), now, "still not done");
        }
    }

    private void escalate(AssignmentEntity a, DeadlineKind clock, int level, Instant now, String why) {
        Playbook playbook = playbooks.version(a.playbookVersion);
        List<String> ladder = playbook.escalation().ladder();
        if (level > ladder.size()) {
            return;   // the top of the ladder has it already
        }
        a.escalationLevel = level;
        String step = clock == DeadlineKind.ACKNOWLEDGE ? "acknowledged" : "on scene";
        events.publish(new AssignmentEscalated(a.id, a.incidentId, a.agencyId, level, ladder.get(level - 1), clock,
                a.agencyId + " (" + a.agencyRole + ") not " + step + " by its deadline: " + why
                        + "; escalated to rung " + level + " of playbook " + playbook.version(), now), null);
        if (level < ladder.size()) {
            Timer next = AssignmentDeadlines.escalation(clock, level + 1, now, playbook.escalation().interval());
            deadlines.schedule(new Deadline(AssignmentService.DEADLINE_KIND, a.id, next.name(), a.incidentId, next.dueAt(),
                    next.data()));
        }
    }
}
