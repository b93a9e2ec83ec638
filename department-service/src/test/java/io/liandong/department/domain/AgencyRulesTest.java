package io.liandong.department.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.platform.error.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgencyRulesTest {

    private static final Agency.OnDuty DUTY = new Agency.OnDuty("刘明", "duty officer",
            List.of(new Agency.Contact("phone", "+86 571 8700 0200")));

    private static final List<Agency> REGISTRY = List.of(
            new Agency("commerce-bureau", "商务局", "competent-department", List.of(), List.of("commercial-dispute", "rent-increase"), DUTY),
            new Agency("labour-bureau", "人社局", "competent-department", List.of(), List.of("wage-dispute"), DUTY),
            new Agency("civil-affairs-bureau", "民政局", "competent-department", List.of(), List.of("public-order-gathering"), DUTY),
            new Agency("community-binjiang-xixing", "西兴", "community-committee", List.of("330108"), List.of(), DUTY),
            new Agency("community-binhe", "滨和", "community-committee", List.of("330108002"), List.of(), DUTY),
            new Agency("community-city-office", "市社区办", "community-committee", List.of(), List.of(), DUTY),
            new Agency("police-binjiang-branch", "滨江分局", "police", List.of("330108"), List.of(), DUTY));

    @Test
    void theCompetentDepartmentResolvesByDisputeTypeThenIncidentType() {
        assertThat(AgencyRules.resolve(REGISTRY, "competent-department", "rent-increase", "public-order-gathering", "330108"))
                .map(Agency::id).contains("commerce-bureau");
        assertThat(AgencyRules.resolve(REGISTRY, "competent-department", "unknown-dispute", "wage-dispute", "330108"))
                .map(Agency::id).contains("labour-bureau");
        assertThat(AgencyRules.resolve(REGISTRY, "competent-department", "unknown", "unknown", "330108")).isEmpty();
    }

    @Test
    void theCommunityCommitteeResolvesByTheLongestAreaPrefix() {
        assertThat(AgencyRules.resolve(REGISTRY, "community-committee", null, null, "330108002017")).map(Agency::id)
                .contains("community-binhe");
        assertThat(AgencyRules.resolve(REGISTRY, "community-committee", null, null, "330108")).map(Agency::id)
                .contains("community-binjiang-xixing");
        assertThat(AgencyRules.resolve(REGISTRY, "community-committee", null, null, "330106")).map(Agency::id)
                .contains("community-city-office");
        assertThat(AgencyRules.resolve(REGISTRY, "police", null, null, "330106")).isEmpty();
    }

    @Test
    void anEntryNamesEveryBrokenField() {
        Agency bad = new Agency("Bad Id", " ", "police", List.of("33x"), List.of(),
                new Agency.OnDuty("", null, List.of(new Agency.Contact("pigeon", ""))));
        assertThat(AgencyRules.check(bad)).extracting(FieldError::field).containsExactlyInAnyOrder("id", "name", "areas[0]",
                "onDuty.name", "onDuty.contacts[0].channel", "onDuty.contacts[0].value");
        assertThat(AgencyRules.check(REGISTRY)).isEmpty();
        assertThat(AgencyRules.check(List.of(REGISTRY.get(0), REGISTRY.get(0)))).extracting(FieldError::field)
                .containsExactly("agencies[1].id");
    }
}
