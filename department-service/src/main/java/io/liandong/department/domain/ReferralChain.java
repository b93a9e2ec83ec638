package io.liandong.department.domain;

import java.util.List;
import java.util.Objects;

/**
 * The hand-offs of one assignment. Passing it on is bounded: when a referral would send it back to
 * an agency that already held it (ping-pong) or past the maximum number of hops, it goes to the
 * command HQ instead, which then decides; the HQ's own referrals are not bounded.
 */
public final class ReferralChain {

    /** Where a referral actually goes. */
    public record Decision(String toAgencyId, boolean redirectedToHq, int hop, String why) {
    }

    private ReferralChain() {
    }

    /**
     * @param holders  the agencies that held the assignment, in order, the current one last
     * @param to       the agency the referrer asks for
     * @param maxHops  referrals allowed before the HQ takes over
     * @param hq       the HQ's agency id
     */
    public static Decision decide(List<String> holders, String to, int maxHops, String hq) {
        Objects.requireNonNull(to, "to");
        String current = holders.get(holders.size() - 1);
        int hop = holders.size();
        if (current.equals(hq) || to.equals(hq)) {
            return new Decision(to, false, hop, null);
        }
        if (holders.contains(to)) {
            return new Decision(hq, true, hop, "it was referred back to " + to + ", which already held it");
        }
        if (hop > maxHops) {
            return new Decision(hq, true, hop, "it has been referred " + (hop - 1) + " times, the most allowed is " + maxHops);
        }
        return new Decision(to, false, hop, null);
    }
}
