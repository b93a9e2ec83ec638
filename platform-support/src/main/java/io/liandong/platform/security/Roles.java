package io.liandong.platform.security;

import java.util.Set;

/**
 * The roles a bearer token carries in its {@code groups} claim. Constants, so that
 * {@code @RolesAllowed} names them without typos.
 */
public final class Roles {

    /** Runs the city command HQ's desk: reports and steers incidents, assigns agencies, issues alerts. */
    public static final String HQ_OPERATOR = "hq-operator";
    /** Commands the HQ: everything an operator does, and changes the playbook and the agency registry. */
    public static final String HQ_COMMANDER = "hq-commander";
    /** A member agency's duty officer: its inbox, its assignments, the incidents it is assigned to. */
    public static final String AGENCY_OFFICER = "agency-officer";
    /** A member agency's lead: what an officer does, for the agency. */
    public static final String AGENCY_LEAD = "agency-lead";
    /** A partner's intake system (hotline, app): files grievances for complainants. */
    public static final String PARTNER_INTAKE = "partner-intake";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";
    /** Keeps the platform running: the playbook and the agency registry. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** The roles that see every agency's objects. */
    public static final Set<String> SEE_EVERYTHING = Set.of(HQ_OPERATOR, HQ_COMMANDER, AUDITOR);

    /** Every role, in the order the documentation lists them. */
    public static final Set<String> ALL = Set.of(HQ_OPERATOR, HQ_COMMANDER, AGENCY_OFFICER, AGENCY_LEAD, PARTNER_INTAKE,
            AUDITOR, PLATFORM_ADMIN);

    private Roles() {
    }
}
