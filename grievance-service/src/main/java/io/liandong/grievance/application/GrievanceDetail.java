package io.liandong.grievance.application;

import io.liandong.grievance.domain.ProgressStep;
import java.util.List;

/** A grievance with its progress, oldest step first. */
public record GrievanceDetail(GrievanceView grievance, List<ProgressStep> progress) {
}
