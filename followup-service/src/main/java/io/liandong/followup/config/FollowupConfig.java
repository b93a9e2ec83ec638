package io.liandong.followup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** followup-service's own settings ({@code liandong.followup.*}). */
@ConfigMapping(prefix = "liandong.followup")
public interface FollowupConfig {

    /** How long before an item's due date a reminder is raised, one reminder per entry. */
    @WithDefault("P3D,P1D")
    List<Duration> remindBefore();

    /** Days to mediate again after a failed mediation when the event names none (0 or less). */
    @WithDefault("7")
    int mediateAgainWithinDays();

    /** Time between rungs of the escalation ladder once an item is overdue. */
    @WithDefault("P1D")
    Duration escalationInterval();

    /** The last rung of the escalation ladder. */
    @WithDefault("hq-duty-officer")
    String hqAgency();

    /** How long the beneficiaries have to confirm or dispute a done item. */
    @WithDefault("P7D")
    Duration verificationWindow();

    /**
     * The golden period the review holds scene control against when the incident's report does not carry its
     * playbook's (reports published before {@code goldenPeriod} was added to {@code incident.reported}).
     */
    @WithDefault("PT10M")
    Duration goldenPeriod();

    /** Time the responsible agency has for a review's corrective action, from the review's publication. */
    @WithDefault("P30D")
    Duration correctiveActionWithin();

    /** The agency (the city command HQ) that verifies corrective actions and "mediate again" items. */
    @WithDefault("city-command-hq")
    String verifyingAgency();
}
