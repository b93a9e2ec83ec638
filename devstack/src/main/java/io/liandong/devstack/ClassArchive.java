package io.liandong.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A service's trained class archive (the JDK's dynamic AppCDS): the classes a run of the service
 * loaded, already parsed and verified, mapped into the next start instead of loaded again from the
 * jars. On two shared cores it takes about a second off a service's start (docs/benchmarks.md,
 * "Start: a trained class archive").
 *
 * <p>A run with no usable archive trains one: the JVM writes what it loaded when it exits
 * ({@code -XX:ArchiveClassesAtExit}), into a file of its own that becomes the archive only once the
 * process has ended. A run killed before that leaves nothing behind, and the next run trains again.
 * An archive is used only if it is newer than the service's jar and was written by this JDK (its
 * version is in the file's name); the JDK itself also refuses an archive whose jars changed, and then
 * starts without it. The archive is never needed: without one a service starts as it always did.
 */
final class ClassArchive {

    /** How much longer than usual a training run may take to stop: writing the archive takes seconds. */
    static final Duration WRITING_TIME = Duration.ofSeconds(30);

    private final Path archive;
    private final Path trainingFile;
    private final Path jar;
    private boolean training;

    private ClassArchive(Path archive, Path jar) {
        this.archive = archive;
        this.trainingFile = archive.resolveSibling(archive.getFileName() + ".training");
        this.jar = jar;
    }

    /** The archive of {@code service} running {@code jar}, kept in {@code directory}. */
    static ClassArchive of(Path directory, String service, Path jar) {
        String jdk = Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
        return new ClassArchive(directory.resolve(service + "-jdk" + jdk + ".jsa"), jar);
    }

    /** Whether the run started with {@link #jvmOptions()} trains the archive. */
    boolean training() {
        return training;
    }

    Path file() {
        return archive;
    }

    /** Whether the archive exists and is newer than the jar: the next start maps it. */
    boolean usable() {
        try {
            return Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new DevstackException("could not read the time of " + archive + " or " + jar + ": " + e.getMessage(), e);
        }
    }

    /**
     * The JVM options of the next start: map the archive, or train one. A training run's thousands of
     * "skipping class" lines at exit are left out of the service's log; a refused archive is still
     * logged (the {@code cds+dynamic} warnings).
     */
    List<String> jvmOptions() {
        training = !usable();
        if (!training) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(trainingFile);
        } catch (IOException e) {
            throw new DevstackException("could not prepare " + trainingFile + ": " + e.getMessage(), e);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + trainingFile, "-Xlog:cds=error");
    }

    /**
     * After the service's process has ended: a training run that wrote its archive hands it over. A
     * process that was killed wrote none, or only part of one, and its file is dropped.
     *
     * @param exitedByItself whether the process ended by itself (not killed after the stop timeout)
     */
    void afterExit(boolean exitedByItself) {
        try {
            if (!Files.exists(trainingFile)) {
                return;
            }
            if (exitedByItself && Files.size(trainingFile) > 0) {
                Files.move(trainingFile, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.delete(trainingFile);
            }
        } catch (IOException e) {
            throw new DevstackException("could not keep the class archive " + archive + ": " + e.getMessage(), e);
        }
    }
}
