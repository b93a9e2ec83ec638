package io.liandong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAre200RequestsPerSecondFor60Seconds() {
        Options o = Options.defaults();
        assertThat(o.rate()).isEqualTo(200);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.targetP99()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.findMax()).isFalse();
        assertThat(o.startup()).isTrue();
    }

    @Test
    void optionsOverrideTheDefaults() {
        Options o = Options.parse(new String[] {"--rate", "350", "--duration", "2m", "--warmup", "500ms", "--find-max",
                "--no-startup", "--label", "under load"});
        assertThat(o.rate()).isEqualTo(350);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.findMax()).isTrue();
        assertThat(o.startup()).isFalse();
        assertThat(o.label()).isEqualTo("under load");
    }

    @Test
    void onlyTheStartMeansRestartingEachServiceAloneToo() {
        Options o = Options.parse(new String[] {"--no-startup", "--startup-only"});
        assertThat(o.startupOnly()).isTrue();
        assertThat(o.startup()).isTrue();
    }

    @Test
    void acknowledgementsAndArrivalsTakeTheWholeAnswerUnlessMinimalAnswersAreAskedFor() {
        assertThat(Options.defaults().minimalAnswers()).isFalse();
        assertThat(Options.parse(new String[] {"--minimal-answers", "--rate", "50"}).minimalAnswers()).isTrue();
    }

    @Test
    void oneOperatorWatchesTheConsoleUnlessMoreAreAskedFor() {
        assertThat(Options.defaults().consoleWatchers()).isEqualTo(1);
        assertThat(Options.parse(new String[] {"--console-watchers", "20"}).consoleWatchers()).isEqualTo(20);
        assertThatThrownBy(() -> Options.parse(new String[] {"--console-watchers", "0"}))
                .hasMessageContaining("--console-watchers must be at least 1");
    }

    @Test
    void servicePropertiesArePairsForEveryService() {
        Options o = Options.parse(new String[] {"--service-property", "quarkus.datasource.jdbc.max-size=30",
                "--service-property", "liandong.platform.limits.rate.per-second=5000"});
        assertThat(o.serviceProperties()).containsEntry("quarkus.datasource.jdbc.max-size", "30")
                .containsEntry("liandong.platform.limits.rate.per-second", "5000");
        assertThatThrownBy(() -> Options.parse(new String[] {"--service-property", "no-value"}))
                .hasMessageContaining("key=value");
    }

    @Test
    void serviceJvmOptionsReplaceTheDevstacksDefaultAndAnEmptyOneMeansTheJvmsOwn() {
        assertThat(Options.defaults().serviceJvmOptions()).isNull();
        assertThat(Options.parse(new String[] {"--service-jvm-options", " -XX:+UseG1GC  -Xss512k "}).serviceJvmOptions())
                .containsExactly("-XX:+UseG1GC", "-Xss512k");
        assertThat(Options.parse(new String[] {"--service-jvm-options", ""}).serviceJvmOptions()).isEmpty();
    }

    @Test
    void servicesStartFromTheirTrainedClassArchivesUnlessToldNot() {
        assertThat(Options.defaults().classArchives()).isTrue();
        assertThat(Options.parse(new String[] {"--no-class-archives"}).classArchives()).isFalse();
    }

    @Test
    void durationsTakeUnitsOrIso8601() {
        assertThat(Options.duration("15s")).isEqualTo(Duration.ofSeconds(15));
        assertThat(Options.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Options.duration("fast")).hasMessageContaining("not a duration");
    }

    @Test
    void anUnknownOptionOrAMissingValueIsRefused() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--rat", "1"})).hasMessageContaining("unknown option --rat");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate"})).hasMessageContaining("--rate needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate", "0"})).hasMessageContaining("above 0");
    }
}
