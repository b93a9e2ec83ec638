package io.liandong.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The story's data reads as meant: no text cut at a comma, the four commitments, one late agency. */
class ScenarioDataTest {

    final JsonNode data = BinjiangScenario.load();

    @Test
    void everyEntryHasExactlyItsFieldsSoNoTextWasCutAtAComma() {
        for (JsonNode r : data.path("representatives")) {
            assertThat(names(r)).containsExactly("partyId", "name", "role");
        }
        for (JsonNode m : data.path("milestones")) {
            assertThat(names(m)).containsExactly("role", "milestone", "note");
            assertThat(BinjiangScenario.ROLES).contains(m.path("role").asText());
        }
        for (String round : List.of("firstMediation", "secondMediation")) {
            for (JsonNode d : data.path(round).path("demands")) {
                assertThat(names(d)).containsExactly("party", "demand");
                assertThat(data.path("representatives").has(d.path("party").asText())).isTrue();
            }
        }
        assertThat(data.at("/representatives/mediator/role").asText()).isEqualTo("调解员，见证人 (mediator, witness)");
    }

    @Test
    void sixDistinctMerchantsFourCommitmentsOneVerifiedOneOverdueOneLateAgency() {
        assertThat(data.path("grievances")).hasSize(6);
        List<String> phones = new ArrayList<>();
        data.path("grievances").forEach(g -> phones.add(g.path("phone").asText()));
        assertThat(phones).doesNotHaveDuplicates();
        assertThat(data.path("commitments")).hasSize(4);
        List<String> fulfil = new ArrayList<>();
        data.path("commitments").forEach(c -> fulfil.add(c.path("fulfil").asText("")));
        assertThat(fulfil).containsExactlyInAnyOrder("", "", "verified", "overdue");
        List<String> late = new ArrayList<>();
        BinjiangScenario.ROLES.forEach(r -> {
            if (data.path("scene").path(r).path("late").asBoolean()) {
                late.add(r);
            }
        });
        assertThat(late).containsExactly("community-committee");
        // The police act well inside their limits (2 and 5 minutes) so that only the late one breaches.
        assertThat(Duration.parse(data.at("/scene/police/acknowledgeAt").asText())).isLessThan(Duration.ofMinutes(2));
        assertThat(Duration.parse(data.at("/scene/police/onSceneAt").asText())).isLessThan(Duration.ofMinutes(5));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
