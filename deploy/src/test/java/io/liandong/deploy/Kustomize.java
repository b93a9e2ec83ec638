package io.liandong.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, which needs no cluster. */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The rendered YAML of a kustomization directory; each directory is rendered once per test run. */
    static String render(Path directory) {
        return RENDERED.computeIfAbsent(directory.toAbsolutePath().normalize(),
                dir -> render(dir, kubectl().orElseThrow(Kustomize::missingKubectl)));
    }

    static String render(Path directory, String kubectl) {
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", directory.toString()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + kubectl + ": " + e.getMessage() + ". " + installHint(), e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + directory + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed (exit " + process.exitValue()
                        + "):\n" + firstLines(err.join(), 20));
            }
            return out.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while rendering " + directory, e);
        }
    }

    /** KUBECTL if set, else the first kubectl on the PATH. */
    static Optional<String> kubectl() {
        String given = System.getenv("KUBECTL");
        if (given != null && !given.isBlank()) {
            return Optional.of(given);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("kubectl", "kubectl.exe")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }

    static AssertionError missingKubectl() {
        return new AssertionError("kubectl is not on the PATH (nor named by KUBECTL). The deploy module's tests render "
                + "every overlay with `kubectl kustomize`, offline, and check what it produces. " + installHint());
    }

    private static String installHint() {
        return "Install kubectl 1.27 or newer (it bundles kustomize v5), e.g. `apt-get install kubectl` from the "
                + "Kubernetes package repository, or put it on the PATH.";
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLines(String text, int lines) {
        return text.lines().limit(lines).reduce((a, b) -> a + "\n" + b).orElse("(no output)");
    }
}
