package io.liandong.grievance.application;

import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.contracts.Service;
import io.liandong.grievance.domain.ProgressNarrator;
import io.liandong.grievance.domain.ProgressStep;
import io.liandong.grievance.persistence.GrievanceEntity;
import io.liandong.grievance.persistence.GrievanceStepEntity;
import io.liandong.platform.timeline.IncidentTimeline;
import io.liandong.platform.timeline.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A grievance's progress as its complainant reads it: what happened to the grievance itself, then
 * what the agencies did about its incident, narrated from the incident's timeline (every event this
 * service consumed about it, kept by platform-support).
 */
@ApplicationScoped
public class Progress {

    private final IncidentTimeline timeline;
    private final ProgressNarrator narrator;

    Progress(IncidentTimeline timeline, ProgressNarrator narrator) {
        this.timeline = timeline;
        this.narrator = narrator;
    }

    public List<ProgressStep> of(GrievanceEntity g) {
        List<ProgressStep> steps = new ArrayList<>(GrievanceStepEntity.<GrievanceStepEntity>find(
                        "grievanceId = ?1 order by occurredAt, id", g.id).stream()
                .map(s -> new ProgressStep(s.occurredAt, s.kind, s.text)).toList());
        if (g.incidentId != null) {
            steps.addAll(ofIncident(g.incidentId));
        }
        steps.sort(Comparator.comparing(ProgressStep::at));
        return steps;
    }

    /** The latest line about an incident, if anything about it means something to a complainant yet. */
    public Optional<String> latestOfIncident(String incidentId) {
        List<ProgressStep> steps = ofIncident(incidentId);
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1).text());
    }

    public ProgressNarrator narrator() {
        return narrator;
    }

    private List<ProgressStep> ofIncident(String incidentId) {
        List<ProgressStep> steps = new ArrayList<>();
        for (TimelineEntry entry : timeline.of(incidentId)) {
            Optional<EventType> type = EventType.of(entry.type());
            // This service's own events are about single grievances, told by their own steps.
            if (type.isEmpty() || type.get().producer() == Service.GRIEVANCE) {
                continue;
            }
            steps.addAll(narrator.describe(EventJson.read(entry.dataJson(), type.get().payloadClass()), entry.occurredAt()));
        }
        return steps;
    }
}
