package io.liandong.grievance.application;

import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.contracts.Service;
import io.liandong.grievance.domain.ProgressNarrator;
import io.liandong.grievance.domain.ProgressStep;
import io.liandong.grievance.persistence.GrievanceEntity;
import io.liandong.grievance.persistence.GrievanceStepEntity;
import io.liandong.platform.paging.Cursor;
import io.liandong.platform.timeline.IncidentTimeline;
import io.liandong.platform.timeline.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A grievance's progress as its complainant reads it: what happened to the grievance itself, then
 * what the agencies did about its incident, narrated from the incident's timeline (every event this
 * service consumed about it, kept by platform-support).
 */
@ApplicationScoped
public class Progress {

    /** What a grievance says once an incident takes it up, until the incident tells something of its own. */
    static final String TAKEN_UP = "Taken up as part of an incident the city command HQ is handling.";

    /** This service's own events are about single grievances, told by their own steps. */
    private static final Set<String> OWN_TYPES = Arrays.stream(EventType.values())
            .filter(t -> t.producer() == Service.GRIEVANCE).map(EventType::type).collect(Collectors.toUnmodifiableSet());
    private static final int BATCH = 50;

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

    /**
     * What a grievance linked to the incident now shows: the latest line about it, or {@link #TAKEN_UP}
     * when nothing about it means something to a complainant yet.
     */
    String lineOfIncident(String incidentId) {
        // Newest first, a batch at a time: a surge incident's timeline holds thousands of link events of
        // this service, which the query leaves out, and the latest agency's move is usually near the top.
        Cursor before = null;
        while (true) {
            List<TimelineEntry> batch = timeline.newestExcept(incidentId, OWN_TYPES, before, BATCH);
            for (TimelineEntry entry : batch) {
                List<ProgressStep> steps = describe(entry);
                if (!steps.isEmpty()) {
                    return steps.get(steps.size() - 1).text();
                }
            }
            if (batch.size() < BATCH) {
                return TAKEN_UP;
            }
            before = IncidentTimeline.cursorOf(batch.get(batch.size() - 1));
        }
    }

    public ProgressNarrator narrator() {
        return narrator;
    }

    private List<ProgressStep> ofIncident(String incidentId) {
        List<TimelineEntry> entries = timeline.newestExcept(incidentId, OWN_TYPES, null, Integer.MAX_VALUE);
        List<ProgressStep> steps = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            steps.addAll(describe(entries.get(i)));
        }
        return steps;
    }

    private List<ProgressStep> describe(TimelineEntry entry) {
        return EventType.of(entry.type())
                .map(type -> narrator.describe(EventJson.read(entry.dataJson(), type.payloadClass()), entry.occurredAt()))
                .orElse(List.of());
    }
}
