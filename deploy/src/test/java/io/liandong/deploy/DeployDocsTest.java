package io.liandong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The operators' guide covers what they need, and names what the dashboard waits for. */
class DeployDocsTest {

    @Test
    void theGuideCoversInstallingBuildingApplyingSecretsScalingUpgradingAndWatching() {
        String guide = Repository.read(Repository.root().resolve("docs/deploy.md"));
        String headings = guide.lines().filter(l -> l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                .reduce("", (a, b) -> a + "\n" + b);
        assertThat(headings).contains("operators", "images", "overlay", "secrets", "rotat", "scal", "upgrad", "watch");
        assertThat(guide).contains("deploy/build-images.sh", "kubectl apply -k deploy/overlays/prod",
                "deploy/create-secrets.sh", "Strimzi", "CloudNativePG", "Prometheus");
        assertThat(guide).contains(MonitoringPolicy.PENDING);
    }

    @Test
    void theDeployFolderSaysWhatItHolds() {
        String readme = Repository.read(Repository.deploy().resolve("README.md"));
        assertThat(readme).contains("docs/deploy.md", "overlays/dev", "overlays/prod", "mvn -B -pl deploy");
    }
}
