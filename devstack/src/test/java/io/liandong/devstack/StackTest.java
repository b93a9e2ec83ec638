package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTest {

    @TempDir
    Path dir;

    @Test
    void startsWiresAndStopsEverythingAndKeepsDataAcrossRuns() throws Exception {
        Path data = dir.resolve("data");
        Path jar = fakeServiceJar();
        Stack.Builder builder = Stack.builder().dataDir(data).repoDir(dir).freePorts().withoutServices()
                .addService("fake-service", 0, "fake", jar)
                .serviceProperty("fake-service", "fake.extra", "hello");

        Map<String, Long> pids;
        try (Stack stack = builder.build()) {
            long t0 = System.nanoTime();
            stack.start();
            System.out.printf("[timing] stack (Kafka + PostgreSQL + 1 fake service) ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

            String wiring = get(stack.serviceUrl("fake-service") + "/wiring");
            assertThat(wiring.split("\n")).containsExactly(stack.kafkaBootstrapServers(), stack.jdbcUrl("fake-service"),
                    stack.username(), stack.password(), "hello");
            assertThat(stack.jdbcUrl("fake-service")).endsWith("/fake");
            assertThat(stack.jdbcUrl("grievance-service")).isEqualTo(stack.jdbcUrl("grievance"));
            for (String db : List.of("grievance", "dispatch", "department", "followup", "fake")) {
                assertThat(stack.postgres().databaseExists(db)).as(db).isTrue();
            }
            try (Connection c = stack.postgres().connect("grievance"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE survivor (id int)");
                s.execute("INSERT INTO survivor VALUES (42)");
            }
            assertThat(stack.logFile("fake-service")).content().contains("fake service listening on " + stack.servicePort("fake-service"));
            // Unless told otherwise, a service runs with the client compiler and the serial collector.
            assertThat(stack.logFile("fake-service")).content().contains("-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -XX:MetaspaceSize=128m ");

            pids = stack.pids();
            assertThat(pids).containsKeys("kafka", "postgres", "fake-service");

            // The first run trains the service's class archive; the JVM writes it as the service stops.
            assertThat(lastStart(stack.logFile("fake-service"))).contains("-XX:ArchiveClassesAtExit=" + data.resolve("classes"));
            stack.stopService("fake-service");
            assertThat(stack.servicePid("fake-service")).isEmpty();
            Path archive;
            try (var archives = Files.list(data.resolve("classes"))) {
                archive = archives.filter(f -> f.getFileName().toString().startsWith("fake-service-jdk")).findFirst().orElseThrow();
            }
            assertThat(archive.toString()).endsWith(".jsa");
            assertThat(Files.size(archive)).isPositive();
            stack.startService("fake-service");
            assertThat(get(stack.serviceUrl("fake-service") + "/q/health/ready")).contains("UP");
            assertThat(lastStart(stack.logFile("fake-service"))).contains("-XX:SharedArchiveFile=" + archive)
                    .doesNotContain("ArchiveClassesAtExit");
            assertThat(stack.logFile("fake-service")).content().doesNotContain("Unable to use shared archive");
            pids = stack.pids();
        }
        for (Map.Entry<String, Long> pid : pids.entrySet()) {
            assertThat(ProcessHandle.of(pid.getValue()).map(ProcessHandle::isAlive).orElse(false)).as(pid.getKey() + " stopped").isFalse();
        }

        try (Stack again = builder.build()) {
            again.start();
            try (Connection c = again.postgres().connect("grievance"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM survivor")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void jvmOptionsAreWrittenSeparatedBySpacesAndBlankMeansNone() {
        assertThat(Stack.jvmOptions("  -XX:TieredStopAtLevel=1\t-XX:+UseSerialGC ")).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(Stack.jvmOptions("   ")).isEmpty();
    }

    @Test
    void aServiceThatDiesIsNamedWithTheEndOfItsLog() throws Exception {
        Stack stack = Stack.builder().dataDir(dir.resolve("data")).repoDir(dir).freePorts().withoutServices()
                .addService("broken-service", 0, "broken", fakeServiceJar())
                .serviceProperty("broken-service", "fake.fail", "true")
                .build();
        assertThatThrownBy(stack::start)
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("broken-service exited during startup (exit code 3)")
                .hasMessageContaining("boom: failing on purpose");
        assertThat(stack.kafka().isRunning()).as("what had started is stopped again").isFalse();
        assertThat(stack.postgres().isRunning()).isFalse();
    }

    @Test
    void missingJarsAreReportedBeforeAnythingStarts() {
        Stack stack = Stack.builder().dataDir(dir.resolve("data")).repoDir(dir.resolve("empty-repo")).freePorts()
                .services(List.of("grievance-service", "followup-service")).build();
        assertThatThrownBy(stack::start)
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("not built yet")
                .hasMessageContaining("grievance-service: " + dir.resolve("empty-repo").resolve("grievance-service"))
                .hasMessageContaining("followup-service")
                .hasMessageContaining("mvn -B install -DskipTests");
        assertThat(stack.kafka().isRunning()).isFalse();
    }

    /** A jar that runs {@link FakeService}: the class itself, so the JVM may archive it. */
    private Path fakeServiceJar() throws Exception {
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        Path jar = dir.resolve("fake-service.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             var classFile = FakeService.class.getResourceAsStream("/" + entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            classFile.transferTo(jarOut);
            jarOut.closeEntry();
        }
        return jar;
    }

    /** The log of a service from its latest start on. */
    private static String lastStart(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(text.lastIndexOf("=== "));
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
