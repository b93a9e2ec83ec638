package io.liandong.grievance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventPayload;
import io.liandong.contracts.EventType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a complainant reads for each event of the Binjiang story (the golden samples of event-contracts). */
class ProgressNarratorTest {

    private static final Instant AT = Instant.parse("2026-03-14T06:00:00Z");

    private final Catalogue catalogue = new Catalogue(
            List.of(new Catalogue.Department("commerce-bureau", "商务局 (commerce bureau)"),
                    new Catalogue.Department("police", "公安分局 (police)")),
            List.of(new Catalogue.DisputeType("rent-increase", "租金上涨", "commercial-dispute", "commerce-bureau")),
            List.of(new Catalogue.Category("shop-rent", "商铺租金", "", "", List.of(), "rent-increase", "", List.of())),
            List.of());
    private final ProgressNarrator narrator = new ProgressNarrator(catalogue, ZoneId.of("Asia/Shanghai"));

    private List<ProgressStep> of(EventType type) {
        EventPayload payload = EventJson.read(type.sampleJson(), type);
        return narrator.describe(payload, AT);
    }

    @Test
    void theCompetentDepartmentIsNamedAsTheOneHandlingIt() {
        var steps = of(EventType.ASSIGNMENT_CREATED);
        assertThat(steps).singleElement().satisfies(s -> assertThat(s.text()).matches(
                "Handled by the 商务局 \\(commerce bureau\\)\\.|The .* has been asked to help\\."));
    }

    @Test
    void anAgreementIsReachedAndEachCommitmentHasItsDueDateInTheCitysZone() {
        var steps = of(EventType.RESOLUTION_AGREED);
        assertThat(steps.get(0).kind()).isEqualTo("agreement-reached");
        assertThat(steps.get(0).text()).startsWith("Agreement reached: ");
        // 2027-02-28T16:00Z is 1 March in Hangzhou.
        assertThat(steps).extracting(ProgressStep::text).anyMatch(t -> t.startsWith("Commitment due on 2027-03-01: "));
    }

    @Test
    void agenciesAreNamedFromTheirIds() {
        assertThat(narrator.agency("police-binjiang-branch")).isEqualTo("公安分局 (police)");
        assertThat(narrator.agency("commerce-bureau")).isEqualTo("商务局 (commerce bureau)");
        assertThat(narrator.agency("unknown-agency")).isEqualTo("unknown-agency");
    }

    @Test
    void whatMeansNothingToAComplainantTellsNothing() {
        assertThat(of(EventType.ASSIGNMENT_DEADLINE_WARNING)).isEmpty();
        assertThat(of(EventType.MEDIATION_PROPOSAL_MADE)).isEmpty();
        assertThat(of(EventType.FOLLOWUP_VERIFICATION_REQUESTED)).singleElement()
                .satisfies(s -> assertThat(s.text()).startsWith("A promise is reported as kept"));
        assertThat(of(EventType.RESOLUTION_FAILED)).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("must mediate again within"));
    }
}
