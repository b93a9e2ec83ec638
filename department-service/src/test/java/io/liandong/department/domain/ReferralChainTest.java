package io.liandong.department.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralChainTest {

    private static final String HQ = "city-command-hq";

    @Test
    void aReferralToANewAgencyGoesThereAndCountsAHop() {
        var d = ReferralChain.decide(List.of("community-jiangnan"), "community-binhe", 3, HQ);
        assertThat(d).isEqualTo(new ReferralChain.Decision("community-binhe", false, 1, null));
    }

    @Test
    void aReferralBackToAnEarlierHolderGoesToTheHq() {
        var d = ReferralChain.decide(List.of("commerce-bureau", "housing-bureau"), "commerce-bureau", 3, HQ);
        assertThat(d.toAgencyId()).isEqualTo(HQ);
        assertThat(d.redirectedToHq()).isTrue();
        assertThat(d.hop()).isEqualTo(2);
        assertThat(d.why()).contains("already held it");
    }

    @Test
    void beyondTheBoundTheHqTakesOver() {
        List<String> holders = List.of("a", "b", "c", "d");
        assertThat(ReferralChain.decide(holders.subList(0, 3), "d", 3, HQ).toAgencyId()).isEqualTo("d");
        var d = ReferralChain.decide(holders, "e", 3, HQ);
        assertThat(d.toAgencyId()).isEqualTo(HQ);
        assertThat(d.hop()).isEqualTo(4);
        assertThat(d.why()).contains("3 times");
    }

    @Test
    void theHqIsNeverBoundedAndAnyoneMayReferToIt() {
        assertThat(ReferralChain.decide(List.of("a", "b", "c", "d", HQ), "a", 3, HQ))
                .isEqualTo(new ReferralChain.Decision("a", false, 5, null));
        assertThat(ReferralChain.decide(List.of("a", "b", "c", "d"), HQ, 3, HQ).redirectedToHq()).isFalse();
    }
}
