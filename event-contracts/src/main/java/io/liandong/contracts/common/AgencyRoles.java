package io.liandong.contracts.common;

/**
 * The agency roles the key-areas emergency standard names. Roles are playbook data, so the
 * wire field is an open kebab-case code; these are the values every playbook uses.
 */
public final class AgencyRoles {

    /** Order, cordon, isolating the core parties, dealing with offenders. */
    public static final String POLICE = "police";
    /** The department competent for the dispute (the commerce bureau for a commercial dispute): demands, mediation, solution. */
    public static final String COMPETENT_DEPARTMENT = "competent-department";
    /** Dispersing onlookers, explaining policy, calming people, helping collect demands. */
    public static final String COMMUNITY_COMMITTEE = "community-committee";
    /** On-site medical cover, first-aid supplies, casualties. */
    public static final String HEALTH_COMMISSION = "health-commission";
    /** Support for people in difficulty. */
    public static final String CIVIL_AFFAIRS = "civil-affairs";
    /** The city command HQ itself, the last rung of every escalation ladder. */
    public static final String COMMAND_HQ = "command-hq";

    private AgencyRoles() {
    }
}
