package io.liandong.grievance.application;

/** A complainant's contact details, for the department handling the grievance only. */
public record ContactView(String grievanceId, String name, String phone, String email) {
}
