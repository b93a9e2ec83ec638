package io.liandong.followup.api;

import java.util.List;
import java.util.Objects;

/** The after-action review as a printable HTML page (no scripts, no external resources). */
final class ReviewHtml {

    private ReviewHtml() {
    }

    static String of(ReviewResponse r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>After-action review ")
                .append(esc(r.incidentId())).append("</title><style>body{font-family:serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #444;padding:4px 8px}"
                        + "@media print{body{margin:0}}</style></head><body>");
        h.append("<h1>After-action review: incident ").append(esc(r.incidentId())).append("</h1>");
        h.append("<p>Closed ").append(esc(String.valueOf(r.closedAt()))).append(". Deadline breaches: ").append(r.breachCount())
                .append(". Mediation rounds: ").append(r.mediationRounds()).append(". Corrective actions: ")
                .append(r.correctiveActionCount()).append(".</p>");
        ReviewResponse.GoldenPeriod g = r.goldenPeriod();
        h.append("<h2>Scene control</h2><p>Golden period ").append(esc(g.compliance())).append(": police (")
                .append(esc(str(g.policeAgencyId()))).append(") arrived ").append(esc(str(g.policeArrivedAt())))
                .append(", scene under control ").append(esc(str(g.underControlAt()))).append(", after ")
                .append(esc(str(g.elapsedSeconds()))).append(" s against ").append(g.targetSeconds()).append(" s.</p>");
        ReviewResponse.GrievanceLead l = r.grievanceLead();
        h.append("<p>From the first grievance to the incident: ").append(esc(str(l.firstToIncidentSeconds())))
                .append(" s (first grievance ").append(esc(str(l.firstGrievanceId()))).append(" received ")
                .append(esc(str(l.firstReceivedAt()))).append("; ").append(l.linkedGrievances())
                .append(" grievances linked).</p>");
        h.append("<h2>Agencies</h2><table><tr><th>agency</th><th>role</th><th>acknowledged after (s)</th><th>limit (s)</th>"
                + "<th>on scene after (s)</th><th>limit (s)</th><th>breaches</th></tr>");
        for (ReviewResponse.Agency a : r.agencies()) {
            row(h, List.of(a.agencyId(), a.agencyRole(), str(a.acknowledgedAfterSeconds()), str(a.acknowledgeLimitSeconds()),
                    str(a.onSceneAfterSeconds()), str(a.onSceneLimitSeconds()), String.join(", ", a.breaches())));
        }
        h.append("</table><h2>Hand-offs</h2><table><tr><th>assignment</th><th>from</th><th>to</th><th>hop</th>"
                + "<th>referred</th><th>acknowledged after (s)</th><th>limit (s)</th><th>late</th></tr>");
        for (ReviewResponse.Handoff x : r.handoffs()) {
            row(h, List.of(x.assignmentId(), x.fromAgencyId(), x.toAgencyId(), String.valueOf(x.hop()),
                    String.valueOf(x.referredAt()), str(x.delaySeconds()), str(x.limitSeconds()), x.late() ? "yes" : "no"));
        }
        h.append("</table><h2>Commitments</h2><table><tr><th>commitment</th><th>occurrence</th><th>action</th><th>due</th>"
                + "<th>status</th><th>overdue</th></tr>");
        for (var c : r.commitments()) {
            row(h, List.of(c.commitmentId(), str(c.occurrence()), c.action(), String.valueOf(c.dueAt()), c.status(),
                    c.overdue() ? "yes" : "no"));
        }
        h.append("</table><h2>Corrective actions</h2><table><tr><th>issue</th><th>action</th><th>responsible agency</th>"
                + "<th>due</th><th>status</th></tr>");
        for (var c : r.correctiveActions()) {
            row(h, List.of(c.issue(), c.action(), str(c.responsibleAgencyId()), str(c.dueAt()), str(c.status())));
        }
        return h.append("</table></body></html>").toString();
    }

    private static void row(StringBuilder h, List<String> cells) {
        h.append("<tr>");
        cells.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
        h.append("</tr>");
    }

    private static String str(Object o) {
        return o == null ? "—" : o.toString();
    }

    static String esc(String s) {
        return Objects.toString(s, "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
