package io.liandong.grievance.domain;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.common.AgencyRoles;
import io.liandong.contracts.followup.FollowupItemOverdue;
import io.liandong.contracts.followup.FollowupItemReopened;
import io.liandong.contracts.followup.FollowupItemVerified;
import io.liandong.contracts.followup.FollowupPlanCreated;
import io.liandong.contracts.followup.FollowupVerificationRequested;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ResolutionFailed;
import io.liandong.contracts.review.ReviewPublished;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the events of an incident into lines a complainant understands: who handles it, whether an
 * agreement was reached, when each promise is due. Events that mean nothing to a complainant
 * (deadline warnings, notes between agencies) give no line.
 */
public final class ProgressNarrator {

    private final Catalogue catalogue;
    private final DateTimeFormatter day;

    public ProgressNarrator(Catalogue catalogue, ZoneId zone) {
        this.catalogue = catalogue;
        this.day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
    }

    /** The lines for one event that happened at {@code at}; empty when it means nothing to a complainant. */
    public List<ProgressStep> describe(EventPayload payload, Instant at) {
        List<ProgressStep> steps = new ArrayList<>();
        if (payload instanceof IncidentReported) {
            steps.add(new ProgressStep(at, "incident-opened",
                    "The city command HQ opened an incident for this and is dispatching the agencies concerned."));
        } else if (payload instanceof IncidentStatusChanged e) {
            status(e).ifPresent(text -> steps.add(new ProgressStep(at, "incident-" + e.to().wireValue(), text)));
        } else if (payload instanceof AssignmentCreated e) {
            steps.add(new ProgressStep(at, "assigned", AgencyRoles.COMPETENT_DEPARTMENT.equals(e.agencyRole())
                    ? "Handled by the " + agency(e.agencyId()) + "."
                    : "The " + agency(e.agencyId()) + " has been asked to help."));
        } else if (payload instanceof AssignmentAcknowledged e) {
            steps.add(new ProgressStep(at, "acknowledged", "The " + agency(e.agencyId()) + " has taken up the case."));
        } else if (payload instanceof AssignmentOnScene e) {
            steps.add(new ProgressStep(at, "on-scene", "The " + agency(e.agencyId()) + " arrived on the scene."));
        } else if (payload instanceof ResolutionAgreed e) {
            steps.add(new ProgressStep(at, "agreement-reached", "Agreement reached: " + e.summary()));
            for (Commitment c : e.commitments()) {
                steps.add(new ProgressStep(at, "commitment", "Commitment due on " + day.format(c.dueAt()) + ": " + c.action()));
            }
        } else if (payload instanceof ResolutionFailed e) {
            steps.add(new ProgressStep(at, "mediation-failed", "Mediation ended without agreement; the "
                    + agency(e.competentAgencyId()) + " must mediate again within " + e.mediateAgainWithinDays() + " days."));
        } else if (payload instanceof FollowupPlanCreated) {
            steps.add(new ProgressStep(at, "followup-started", "Every promise made is now tracked until it is kept."));
        } else if (payload instanceof FollowupVerificationRequested e) {
            steps.add(new ProgressStep(at, "verification-requested",
                    "A promise is reported as kept: please tell us whether it was"
                            + (e.respondBy() == null ? "." : ", by " + day.format(e.respondBy()) + ".")));
        } else if (payload instanceof FollowupItemVerified) {
            steps.add(new ProgressStep(at, "promise-kept", "A promise was confirmed as kept."));
        } else if (payload instanceof FollowupItemReopened e) {
            steps.add(new ProgressStep(at, "promise-reopened",
                    "A promise was found not kept and is being followed up again: " + e.reason()));
        } else if (payload instanceof FollowupItemOverdue) {
            steps.add(new ProgressStep(at, "promise-overdue", "A promise is overdue; it has been escalated."));
        } else if (payload instanceof ReviewPublished) {
            steps.add(new ProgressStep(at, "review-published", "The authorities published their review of how this was handled."));
        }
        return steps;
    }

    /** The competent department's name, as the complainant reads it. */
    public String agency(String agencyId) {
        return catalogue.departmentOfAgency(agencyId).map(Catalogue.Department::name).orElse(agencyId);
    }

    private static java.util.Optional<String> status(IncidentStatusChanged e) {
        return java.util.Optional.ofNullable(switch (e.to()) {
            case DISPATCHED -> "The agencies concerned have been dispatched.";
            case ON_SCENE -> "Responders are on the scene.";
            case UNDER_CONTROL -> "The situation on the scene is under control.";
            case MEDIATING -> "Mediation between the parties is under way.";
            case RESOLVED -> "The dispute has been resolved.";
            case CLOSED -> "The incident is closed.";
            case CANCELLED -> "The incident was cancelled.";
            case REPORTED -> null;
        });
    }
}
