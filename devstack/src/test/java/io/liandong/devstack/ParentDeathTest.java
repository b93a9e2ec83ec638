package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentDeathTest {

    @TempDir
    Path dir;

    @Test
    void childrenDieWithTheirParentEvenAfterKill9() throws Exception {
        Process parent = new ProcessBuilder(List.of(Processes.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                OrphanParent.class.getName(), dir.toString()))
                .redirectError(dir.resolve("parent.err").toFile())
                .start();
        long brokerPid;
        long postgresPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY "));
            assertThat(line).as("the parent JVM reports its children; stderr:\n%s", Processes.tail(dir.resolve("parent.err"), 40))
                    .isNotNull();
            String[] parts = line.split(" ");
            brokerPid = Long.parseLong(parts[1]);
            postgresPid = Long.parseLong(parts[2]);
        }
        ProcessHandle broker = ProcessHandle.of(brokerPid).orElseThrow();
        Optional<ProcessHandle> postgres = ProcessHandle.of(postgresPid);
        assertThat(broker.isAlive()).isTrue();
        assertThat(postgres).isPresent();

        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
        assertThat(parent.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(Processes.awaitExit(broker, Duration.ofSeconds(30)))
                .as("the broker ends when its parent dies\n%s", Processes.tail(dir.resolve("kafka").resolve("broker.log"), 20))
                .isTrue();
        if (Processes.orphanGuardAvailable()) {
            assertThat(Processes.awaitExit(postgres.get(), Duration.ofSeconds(30)))
                    .as("the embedded PostgreSQL ends when its parent dies").isTrue();
        }
    }
}
