package io.liandong.department.domain;

import static io.liandong.contracts.mediation.ProposalAnswer.ACCEPT;
import static io.liandong.contracts.mediation.ProposalAnswer.COUNTER;
import static io.liandong.contracts.mediation.ProposalAnswer.REJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.platform.error.IllegalStateChangeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposalStatusTest {

    private static final List<String> PARTIES = List.of("merchants", "management");

    @Test
    void acceptedOnlyWhenEveryPartyAccepted() {
        assertThat(ProposalStatus.of(Map.of(), PARTIES)).isEqualTo(ProposalStatus.OPEN);
        assertThat(ProposalStatus.of(Map.of("merchants", ACCEPT), PARTIES)).isEqualTo(ProposalStatus.OPEN);
        assertThat(ProposalStatus.of(Map.of("merchants", ACCEPT, "management", ACCEPT), PARTIES))
                .isEqualTo(ProposalStatus.ACCEPTED);
    }

    @Test
    void oneRejectionOrCounterDecidesIt() {
        assertThat(ProposalStatus.of(Map.of("merchants", ACCEPT, "management", REJECT), PARTIES)).isEqualTo(ProposalStatus.REJECTED);
        assertThat(ProposalStatus.of(Map.of("merchants", COUNTER), PARTIES)).isEqualTo(ProposalStatus.COUNTERED);
        assertThat(ProposalStatus.of(Map.of("merchants", COUNTER, "management", REJECT), PARTIES)).isEqualTo(ProposalStatus.REJECTED);
    }

    @Test
    void decidedProposalsAndClosedMediationsTakeNothingMore() {
        ProposalStatus.OPEN.requireOpen("p");
        assertThatThrownBy(() -> ProposalStatus.COUNTERED.requireOpen("p")).isInstanceOf(IllegalStateChangeException.class);
        MediationStatus.OPEN.requireOpen("m");
        assertThatThrownBy(() -> MediationStatus.AGREED.requireOpen("m")).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> MediationStatus.FAILED.requireOpen("m")).isInstanceOf(IllegalStateChangeException.class)
                .hasMessageContaining("failed");
    }
}
