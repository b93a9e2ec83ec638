package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    @TempDir
    Path dir;

    Path jar;
    ClassArchive archive;

    @BeforeEach
    void aBuiltService() throws Exception {
        jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        setTime(jar, Instant.parse("2026-11-29T10:00:00Z"));
        archive = ClassArchive.of(dir.resolve("classes"), "grievance-service", jar);
    }

    @Test
    void aServiceWithNoArchiveTrainsOneThatIsKeptWhenItStopsByItself() throws Exception {
        assertThat(archive.usable()).isFalse();
        Path training = trainingFile();
        assertThat(archive.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + training, "-Xlog:cds=error");

        Files.writeString(training, "classes"); // what the JVM writes as it exits
        archive.afterExit(true);

        assertThat(training).doesNotExist();
        assertThat(archive.file()).hasContent("classes");
        assertThat(archive.file().getFileName().toString()).startsWith("grievance-service-jdk").endsWith(".jsa");
        assertThat(archive.usable()).isTrue();
        assertThat(archive.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + archive.file());
    }

    @Test
    void aKilledTrainingRunLeavesNoArchive() throws Exception {
        archive.jvmOptions();
        Files.writeString(trainingFile(), "cut sh");
        archive.afterExit(false);

        assertThat(trainingFile()).doesNotExist();
        assertThat(archive.file()).doesNotExist();
        assertThat(archive.usable()).isFalse();
    }

    @Test
    void anArchiveOlderThanTheJarIsTrainedAgain() throws Exception {
        archive.jvmOptions();
        Files.writeString(trainingFile(), "classes");
        archive.afterExit(true);
        setTime(archive.file(), Instant.parse("2026-11-29T11:00:00Z"));
        assertThat(archive.usable()).isTrue();

        setTime(jar, Instant.parse("2026-11-29T12:00:00Z")); // the service was built again

        assertThat(archive.usable()).isFalse();
        assertThat(archive.jvmOptions()).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void aTrainingFileLeftByAServiceThatDiedIsDroppedBeforeTheNextRun() throws Exception {
        Files.createDirectories(trainingFile().getParent());
        Files.writeString(trainingFile(), "from a run that died");

        archive.jvmOptions();

        assertThat(trainingFile()).doesNotExist();
    }

    private Path trainingFile() {
        return archive.file().resolveSibling(archive.file().getFileName() + ".training");
    }

    private static void setTime(Path file, Instant time) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(time));
    }
}
