package io.liandong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders with kubectl, and everything it renders passes every check. */
class OverlayTest {

    static Stream<String> overlays() {
        return Repository.OVERLAYS.keySet().stream().sorted();
    }

    private static Rendered render(String overlay) {
        return Rendered.of(Repository.overlay(overlay));
    }

    @Test
    void everyOverlayIsChecked() throws IOException {
        try (Stream<Path> dirs = Files.list(Repository.deploy().resolve("overlays"))) {
            Set<String> present = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).as("overlays on disk; add new ones to Repository.OVERLAYS with their shape")
                    .isEqualTo(new TreeSet<>(Repository.OVERLAYS.keySet()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersTheWholePlatform(String overlay) {
        Rendered rendered = render(overlay);
        assertThat(rendered.manifests().stream().map(Manifest::kind).collect(Collectors.toSet()))
                .contains("Namespace", "Deployment", "Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget",
                        "HorizontalPodAutoscaler", "NetworkPolicy", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser",
                        "Cluster", "Database", "ServiceMonitor", "PodMonitor");
        String namespace = rendered.ofKind("Namespace").findFirst().orElseThrow().name();
        assertThat(rendered.manifests())
                .filteredOn(m -> !m.kind().equals("Namespace"))
                .allSatisfy(m -> assertThat(m.node().path("metadata").path("namespace").asText())
                        .as("namespace of %s", m.id()).isEqualTo(namespace));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectFitsTheModelOfItsKind(String overlay) {
        List<String> problems = ModelCheck.check(render(overlay));
        assertThat(problems).as(Checks.describe(problems)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentsHaveProbesLimitsRestrictedSecurityAndTheirCompanions(String overlay) {
        List<String> problems = WorkloadPolicy.check(render(overlay));
        assertThat(problems).as(Checks.describe(problems)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void environmentMatchesEachServicesConfigurationAndImagesMatchTheBuild(String overlay) {
        List<String> problems = ConfigurationPolicy.check(render(overlay), Repository.version());
        assertThat(problems).as(Checks.describe(problems)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTopicsAreEventContractsAndUsersWriteOnlyTheirOwn(String overlay) {
        List<String> problems = KafkaPolicy.check(render(overlay), Repository.OVERLAYS.get(overlay));
        assertThat(problems).as(Checks.describe(problems)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void postgresHasADatabaseAndRolePerServiceAndTheShapeAsked(String overlay) {
        List<String> problems = PostgresPolicy.check(render(overlay), Repository.OVERLAYS.get(overlay));
        assertThat(problems).as(Checks.describe(problems)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingIsScrapedAndTheDashboardChartsWhatOpsWatch(String overlay) {
        List<String> problems = MonitoringPolicy.check(render(overlay));
        assertThat(problems).as(Checks.describe(problems)).isEmpty();
    }

    @Test
    void devIsSmallAndProdIsHighlyAvailable() {
        Rendered dev = render("dev");
        Rendered prod = render("prod");
        assertThat(dev.ofKind("HorizontalPodAutoscaler")).allSatisfy(h -> assertThat(h.spec().path("maxReplicas").asInt()).isEqualTo(1));
        assertThat(prod.ofKind("HorizontalPodAutoscaler")).allSatisfy(h -> assertThat(h.spec().path("minReplicas").asInt()).isGreaterThanOrEqualTo(3));
        assertThat(dev.ofKind("KafkaNodePool").mapToInt(p -> p.spec().path("replicas").asInt()).sum()).isEqualTo(1);
        assertThat(prod.ofKind("KafkaNodePool").mapToInt(p -> p.spec().path("replicas").asInt()).sum()).isEqualTo(6);
        assertThat(dev.get("Cluster", "liandong-postgres").path("spec").path("instances").asInt()).isEqualTo(1);
        assertThat(prod.get("Cluster", "liandong-postgres").path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(prod.get("Cluster", "liandong-postgres").path("spec").path("postgresql").path("synchronous").path("number").asInt())
                .isEqualTo(1);
    }
}
