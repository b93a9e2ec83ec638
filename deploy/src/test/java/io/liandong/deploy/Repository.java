package io.liandong.deploy;

import io.liandong.contracts.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the repository's files are, and what the tests expect of each overlay. */
final class Repository {

    /** Every overlay under deploy/overlays, and the shape it must have. */
    static final Map<String, Shape> OVERLAYS;

    static {
        Map<String, Shape> overlays = new LinkedHashMap<>();
        overlays.put("dev", Shape.SINGLE_NODE);
        overlays.put("prod", Shape.HIGHLY_AVAILABLE);
        OVERLAYS = Map.copyOf(overlays);
    }

    private static final Pattern PARENT_VERSION = Pattern.compile(
            "<artifactId>liandong-parent</artifactId>\\s*<version>([^<]+)</version>");

    private Repository() {
    }

    /** The repository root: given by the build, or found above the working directory. */
    static Path root() {
        String given = System.getProperty("liandong.root");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/base/kustomization.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path overlay(String name) {
        return deploy().resolve("overlays").resolve(name);
    }

    static Path serviceModule(Service service) {
        return root().resolve(service.serviceName());
    }

    /** The project version, which every image tag must carry. */
    static String version() {
        String given = System.getProperty("liandong.version");
        if (given != null && !given.isBlank()) {
            return given;
        }
        Matcher m = PARENT_VERSION.matcher(read(root().resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no <version> after liandong-parent in the root pom");
        }
        return m.group(1).trim();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
