package io.liandong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.liandong.contracts.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One image per service, built by deploy/build-images.sh under the names the manifests use. */
class ContainerImageTest {

    @Test
    void everyServiceHasADockerfileForItsFastJarRunAsNonRoot() {
        Rendered dev = Rendered.of(Repository.overlay("dev"));
        for (Service service : Service.values()) {
            Path dockerfile = Repository.serviceModule(service).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).exists();
            String text = Repository.read(dockerfile);
            assertThat(text).contains("openjdk-17", "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                    "target/quarkus-app/app/", "target/quarkus-app/quarkus/", "/deployments/quarkus-run.jar");
            int user = dev.get("Deployment", service.serviceName()).path("spec").path("template").path("spec")
                    .path("securityContext").path("runAsUser").asInt(-1);
            assertThat(text).as("the image's user is the pod's runAsUser").contains("\nUSER " + user + "\n");
            String port = ServiceConfig.of(service).properties().getProperty("quarkus.http.port");
            assertThat(text).contains("\nEXPOSE " + port + "\n");
        }
    }

    /**
     * What a service holds beside its heap: class metadata, compiled code, symbols, thread stacks and what the C
     * allocator keeps. With the server compiler, as the pods run, a service's RSS less its committed heap was 226–294
     * MiB after eight minutes under load, still growing slowly in one service (docs/benchmarks.md, "Memory beside the
     * heap"); the budget is the most measured and a fifth more.
     */
    static final long BESIDE_THE_HEAP_MIB = 352;

    @Test
    void theHeapLeavesEveryPodRoomForWhatTheJvmHoldsBesideIt() {
        Pattern percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
        for (String overlay : Repository.OVERLAYS.keySet()) {
            Rendered rendered = Rendered.of(Repository.overlay(overlay));
            for (Service service : Service.values()) {
                Matcher m = percentage.matcher(Repository.read(
                        Repository.serviceModule(service).resolve("src/main/docker/Dockerfile.jvm")));
                assertThat(m.find()).as("%s's image sizes its heap with -XX:MaxRAMPercentage", service.serviceName()).isTrue();
                String memory = rendered.get("Deployment", service.serviceName()).path("spec").path("template").path("spec")
                        .path("containers").get(0).path("resources").path("limits").path("memory").asText();
                long limitMib = Quantity.getAmountInBytes(new Quantity(memory)).longValue() / (1024 * 1024);
                long heapMib = (long) (limitMib * Double.parseDouble(m.group(1)) / 100);
                assertThat(heapMib + BESIDE_THE_HEAP_MIB)
                        .as("%s in %s: a heap of up to %d MiB (%s %% of the %s limit) and %d MiB beside it must fit the limit,"
                                + " or the pod is killed once its heap has grown", service.serviceName(), overlay, heapMib,
                                m.group(1), memory, BESIDE_THE_HEAP_MIB)
                        .isLessThanOrEqualTo(limitMib);
            }
        }
    }

    @Test
    void theBuildScriptTagsExactlyTheImagesTheOverlaysName(@TempDir Path bin) throws IOException, InterruptedException {
        Path calls = bin.resolve("calls.txt");
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder build = new ProcessBuilder("bash", Repository.deploy().resolve("build-images.sh").toString(), "--no-package")
                .redirectErrorStream(true)
                .redirectOutput(bin.resolve("out.txt").toFile());
        build.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        build.environment().remove("LIANDONG_VERSION");
        build.environment().remove("CONTAINER_TOOL");
        Process process = build.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Repository.read(bin.resolve("out.txt"))).isZero();

        List<String> tags = new ArrayList<>();
        for (String call : Files.readAllLines(calls)) {
            List<String> args = List.of(call.split(" "));
            assertThat(args.get(0)).isEqualTo("build");
            tags.add(args.get(args.indexOf("-t") + 1));
            assertThat(Path.of(args.get(args.indexOf("-f") + 1))).exists();
        }
        Set<String> named = new TreeSet<>();
        for (String overlay : Repository.OVERLAYS.keySet()) {
            Rendered.of(Repository.overlay(overlay)).ofKind("Deployment")
                    .flatMap(d -> d.spec().path("template").path("spec").path("containers").findValuesAsText("image").stream())
                    .forEach(named::add);
        }
        assertThat(new TreeSet<>(tags)).isEqualTo(named);
        assertThat(tags).hasSize(Service.values().length)
                .allSatisfy(tag -> assertThat(tag).endsWith(":" + Repository.version()));
        assertThat(named.stream().map(i -> i.substring(0, i.indexOf(':'))).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(Service.values()).map(s -> "liandong/" + s.serviceName()).toList());
    }
}
