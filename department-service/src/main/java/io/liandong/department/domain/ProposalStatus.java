package io.liandong.department.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.mediation.ProposalAnswer;
import io.liandong.platform.error.IllegalStateChangeException;
import java.util.Collection;
import java.util.Map;

/**
 * A proposal is open until every party has answered it, or one rejects or counters: accepted when
 * every party accepted, rejected when one rejected, countered when one countered (and none rejected).
 * Once decided it takes no more answers; a counter is a new proposal.
 */
public enum ProposalStatus {

    OPEN, ACCEPTED, REJECTED, COUNTERED;

    /** The value on the wire, e.g. {@code "countered"}. */
    @JsonValue
    public String wireValue() {
        return WireValues.of(this);
    }

    /** The status after the answers given so far, by party. */
    public static ProposalStatus of(Map<String, ProposalAnswer> answers, Collection<String> parties) {
        if (answers.containsValue(ProposalAnswer.REJECT)) {
            return REJECTED;
        }
        if (answers.containsValue(ProposalAnswer.COUNTER)) {
            return COUNTERED;
        }
        return answers.keySet().containsAll(parties) ? ACCEPTED : OPEN;
    }

    public void requireOpen(String proposalId) {
        if (this != OPEN) {
            throw new IllegalStateChangeException("proposal " + proposalId + " is " + wireValue()
                    + "; it takes no more answers (a counter-offer is a new proposal)");
        }
    }
}
