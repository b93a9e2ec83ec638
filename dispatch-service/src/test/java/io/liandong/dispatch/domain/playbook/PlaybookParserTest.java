package io.liandong.dispatch.domain.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.domain.playbook.AgencyDirectory.Situation;
import io.liandong.platform.error.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookParserTest {

    static String standard() {
        try (InputStream in = PlaybookParserTest.class.getResourceAsStream("/playbook/key-areas-standard.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStandardPlaybookReadsWithTheLimitsOfTheDomain() {
        Playbook playbook = PlaybookParser.parse(standard());

        assertThat(playbook.version()).isEqualTo("key-areas-standard@1");
        assertThat(playbook.goldenPeriod()).isEqualTo(Duration.ofMinutes(10));
        assertThat(playbook.warningThresholds()).containsExactly(50, 80);
        assertThat(playbook.roles().get("police").onSceneWithin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(playbook.roles().get("competent-department").onSceneWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(playbook.roles().get("community-committee").onSceneWithin()).isEqualTo(Duration.ofMinutes(20));
        assertThat(playbook.roles().get("health-commission").onSceneWithin()).isEqualTo(Duration.ofMinutes(15));
        assertThat(playbook.checklists().get(OnSiteGroup.ORDER_MAINTENANCE)).contains("cordon-set", "core-parties-isolated");
        assertThat(playbook.checklists().get(OnSiteGroup.CROWD_GUIDANCE)).contains("onlookers-dispersed");
        assertThat(playbook.checklists().get(OnSiteGroup.LOGISTICS)).contains("medical-post-up");
        assertThat(playbook.escalation().ladder()).hasSize(3);
        assertThat(playbook.incidentTypes()).containsKeys("commercial-dispute", "wage-dispute",
                "property-management-dispute", "public-order-gathering");
        Playbook.IncidentTypePolicy commercial = playbook.incidentType("commercial-dispute").orElseThrow();
        assertThat(commercial.crowdGuidance().steps()).isNotEmpty();
        assertThat(commercial.talkingPoints().get(OnSiteGroup.CROWD_GUIDANCE)).isNotEmpty();
    }

    @Test
    void aBadPlaybookIsRefusedWithEveryErrorNamed() {
        String bad = standard()
                .replace("goldenPeriod: PT10M", "goldenPeriod: ten minutes")
                .replace("warningThresholds: [50, 80]", "warningThresholds: [80, 50, 120]")
                .replace("    onSceneWithin: PT5M\n", "    onSceneWithin: PT1M\n")
                .replace("    role: health-commission\n", "    role: ambulance-service\n")
                .replace("roles: [police, competent-department, community-committee]\n    crowdGuidance:\n      zones: [物业",
                        "roles: [police, competent-department, fire-brigade]\n    crowdGuidance:\n      zones: [物业");

        assertThatThrownBy(() -> PlaybookParser.parse(bad))
                .isInstanceOfSatisfying(InvalidPlaybookException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .contains("goldenPeriod", "warningThresholds[1]", "warningThresholds[2]",
                                "roles.police.acknowledgeWithin", "incidentTypes.property-management-dispute.roles[2]")
                        .anyMatch(f -> f.startsWith("agencies[") && f.endsWith(".role")));
    }

    @Test
    void notYamlOrAnEmptyDocumentIsRefused() {
        assertThatThrownBy(() -> PlaybookParser.parse("version: [unclosed")).isInstanceOf(InvalidPlaybookException.class);
        assertThatThrownBy(() -> PlaybookParser.parse("")).isInstanceOf(InvalidPlaybookException.class);
        assertThatThrownBy(() -> PlaybookParser.parse("version: x\n"))
                .isInstanceOfSatisfying(InvalidPlaybookException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).contains("goldenPeriod", "roles", "agencies", "incidentTypes"));
    }

    @Test
    void theAgenciesFollowAreaDisputeTypeSeverityAndCasualties() {
        Playbook playbook = PlaybookParser.parse(standard());
        Situation binjiang = new Situation("commercial-dispute", "rent-increase", "330108", Severity.MEDIUM, false);
        assertThat(AgencyDirectory.needs(playbook, binjiang)).extracting(n -> n.agency().id())
                .containsExactly("police-binjiang-branch", "commerce-bureau", "community-binjiang-xixing");

        Situation elsewhere = new Situation("wage-dispute", "unpaid-wages", "310101", Severity.LOW, false);
        assertThat(AgencyDirectory.needs(playbook, elsewhere)).extracting(n -> n.agency().id())
                .containsExactly("police-city-patrol", "labour-bureau", "community-city-office");

        Situation high = new Situation("commercial-dispute", null, "330108", Severity.HIGH, false);
        assertThat(AgencyDirectory.requiredRoles(playbook, high)).contains("health-commission");
        Situation hurt = new Situation("commercial-dispute", null, "330108", Severity.LOW, true);
        assertThat(AgencyDirectory.requiredRoles(playbook, hurt)).contains("health-commission");
        assertThat(AgencyDirectory.requiredRoles(playbook, binjiang)).doesNotContain("health-commission");
    }

    @Test
    void aCompetentDepartmentFallsBackToTheIncidentType() {
        Playbook playbook = PlaybookParser.parse(standard());
        Situation unknownDispute = new Situation("property-management-dispute", "lift-broken", "330108", Severity.LOW, false);
        assertThat(AgencyDirectory.agencyFor(playbook, "competent-department", unknownDispute))
                .map(Playbook.Agency::id).contains("housing-bureau");
        assertThat(List.of(playbook.agency("health-commission").orElseThrow().role())).containsExactly("health-commission");
    }
}
