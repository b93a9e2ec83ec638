package io.liandong.followup.domain;

/**
 * Who an overdue item is escalated to: rung 1 the owning agency itself, rung 2 the lead of that
 * department ({@code <agency>-lead}), rung 3 and beyond the HQ.
 */
public final class EscalationLadder {

    public static final int TOP = 3;

    private EscalationLadder() {
    }

    public static String rung(int level, String responsibleAgencyId, String hqAgency) {
        if (level < 1) {
            throw new IllegalArgumentException("rungs start at 1");
        }
        return switch (level) {
            case 1 -> responsibleAgencyId;
            case 2 -> responsibleAgencyId + "-lead";
            default -> hqAgency;
        };
    }
}
