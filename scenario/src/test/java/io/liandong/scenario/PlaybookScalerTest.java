package io.liandong.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlaybookScalerTest {

    static final Path STANDARD = Path.of("..", "dispatch-service", "src", "main", "resources", "playbook", "key-areas-standard.yaml");

    @Test
    void everyLimitOfTheStandardRunsFasterUnderANewVersion() throws Exception {
        String yaml = Files.readString(STANDARD);
        String fast = PlaybookScaler.scale(yaml, 30);

        assertThat(PlaybookScaler.version(fast)).isEqualTo("key-areas-standard@1/scenario-x30");
        assertThat(PlaybookScaler.scaledSpeed(fast)).isEqualTo(30);
        assertThat(fast).contains("goldenPeriod: PT20S", "interval: PT10S", "acknowledgeWithin: PT4S", "onSceneWithin: PT10S",
                "onSceneWithin: PT1M", "{at: PT0M,", "{at: PT6S,");
        assertThat(fast).doesNotContain("acknowledgeWithin: PT2M", "goldenPeriod: PT10M");
    }

    @Test
    void theOriginalComesBackFromACopyExactlyEvenAtAnUnevenSpeed() throws Exception {
        String yaml = Files.readString(STANDARD);
        for (int speed : new int[] {7, 30, 60, 600}) {
            assertThat(PlaybookScaler.unscale(PlaybookScaler.scale(yaml, speed))).as("speed %d", speed).isEqualTo(yaml);
        }
        assertThat(PlaybookScaler.unscale(yaml)).isSameAs(yaml);
        assertThat(PlaybookScaler.scaledSpeed(yaml)).isZero();
    }
}
