package io.liandong.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A broken manifest fails the build. Each case under src/test/resources/broken-overlays is a real
 * overlay with one deliberate mistake; it is rendered by kubectl and run through the same checks as
 * the real overlays, which must name the mistake.
 */
class BrokenManifestTest {

    private static final Path CASES = Repository.deploy().resolve("src/test/resources/broken-overlays");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-field-in-deployment          | SINGLE_NODE      | spec.template.spec.containers[0].readinesProbe: unknown field 'readinesProbe'
            missing-readiness-probe              | SINGLE_NODE      | Deployment/dispatch-service container dispatch-service: no readinessProbe
            unknown-field-in-kafka-topic         | SINGLE_NODE      | KafkaTopic/liandong-dispatch-events: spec.partiton: unknown field 'partiton'
            unknown-field-in-postgres-cluster    | SINGLE_NODE      | Cluster/liandong-postgres: /spec: property 'instance' is not defined in the schema
            text-for-a-number                    | SINGLE_NODE      | HorizontalPodAutoscaler/department-service: does not fit HorizontalPodAutoscaler
            unknown-environment-variable         | SINGLE_NODE      | sets QUARKUS_DATASOURCE_JDBC_URI, which maps to no configuration property of grievance-service
            writes-another-services-topic        | SINGLE_NODE      | KafkaUser/grievance-service: must write exactly its own topics
            missing-dead-letter-topic            | SINGLE_NODE      | must be exactly event-contracts' Topics.ALL
            no-disruption-budget                 | SINGLE_NODE      | Deployment/dispatch-service: no PodDisruptionBudget selects its pods
            no-network-policy                    | SINGLE_NODE      | Deployment/followup-service: no NetworkPolicy selects its pods
            privilege-escalation                 | SINGLE_NODE      | securityContext.allowPrivilegeEscalation must be false
            unknown-kind                         | SINGLE_NODE      | Widget/stray: no model for apiVersion example.org/v1, kind Widget
            deprecated-strimzi-field             | SINGLE_NODE      | spec.authorization.acls[0].operation: 'operation' is deprecated
            wrong-image-tag                      | SINGLE_NODE      | image must be liandong/grievance-service:
            prod-topic-with-one-replica          | HIGHLY_AVAILABLE | highly available means replicas 3 and min.insync.replicas 2
            prod-without-synchronous-replication | HIGHLY_AVAILABLE | highly available means synchronous replication
            """)
    void theChecksNameTheMistake(String name, Shape shape, String expected) {
        List<String> problems = Checks.all(Rendered.of(CASES.resolve(name)), shape);
        assertThat(problems).as(Checks.describe(problems)).anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    @Test
    void everyCaseIsRun() throws IOException, NoSuchMethodException {
        String table = BrokenManifestTest.class.getDeclaredMethod("theChecksNameTheMistake", String.class, Shape.class, String.class)
                .getAnnotation(CsvSource.class).textBlock();
        Set<String> listed = table.lines().map(l -> l.split("\\|")[0].trim()).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> dirs = Files.list(CASES)) {
            Set<String> present = dirs.map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).as("broken-overlay cases on disk vs. in the table").isEqualTo(listed);
        }
    }

    @Test
    void theRealOverlaysPassTheSameChecks() {
        Repository.OVERLAYS.forEach((overlay, shape) -> {
            List<String> problems = Checks.all(Rendered.of(Repository.overlay(overlay)), shape);
            assertThat(problems).as(overlay + ": " + Checks.describe(problems)).isEmpty();
        });
    }

    @Test
    void aKustomizationThatDoesNotRenderFails(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
        assertThatThrownBy(() -> Kustomize.render(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl kustomize")
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void withoutKubectlTheMessageSaysWhatToInstall(@TempDir Path dir) {
        assertThatThrownBy(() -> Kustomize.render(dir, dir.resolve("kubectl").toString()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Install kubectl");
        assertThat(Kustomize.missingKubectl()).hasMessageContaining("kubectl is not on the PATH");
    }
}
