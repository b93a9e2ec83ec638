package io.liandong.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Child processes, ports, files: the small mechanics shared by the broker, PostgreSQL and the stack. */
final class Processes {

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private Processes() {
    }

    /** The {@code java} of the running JVM. */
    static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /**
     * A command prefix that puts a child into its own session, so a Ctrl-C in the terminal reaches
     * only the parent, which then stops its children in order. Empty where {@code setsid} is missing.
     */
    static List<String> ownSessionPrefix() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return List.of(candidate);
            }
        }
        return List.of();
    }

    /** A free TCP port on the loopback interface. */
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nothing listens on, chosen below the kernel's ephemeral range: a port from that range
     * (what binding to port 0 gives) can be taken by any outgoing connection, a Kafka client's or a
     * JDBC driver's, between the moment it is chosen and the moment a server binds it. A port is
     * never handed out twice by this JVM.
     */
    static int freePort() {
        int[] ephemeral = ephemeralRange();
        int low = 10_000;
        int high = Math.max(low + 1_000, ephemeral[0]) - 1;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = low + RANDOM.nextInt(high - low + 1);
            if (HANDED_OUT.contains(port) || portInUse(port)) {
                continue;
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new DevstackException("could not find a free TCP port between " + low + " and " + high
                + " after 200 tries; free some ports or stop other servers");
    }

    /** The kernel's ephemeral port range (Linux), or the IANA one elsewhere. */
    static int[] ephemeralRange() {
        try {
            // Read line by line: Files.readString trusts the size /proc reports and can return a cut value.
            String[] parts = String.join(" ", Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")))
                    .trim().split("\\s+");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {49_152, 65_535};
        }
    }

    /** Whether something accepts connections (or holds the port) on 127.0.0.1:port. */
    static boolean portInUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static void requireFreePort(int port, String what, String configKey) {
        if (port > 0 && portInUse(port)) {
            throw new DevstackException("port " + port + " for " + what + " is already in use. Stop what holds it, or choose"
                    + " another port with " + Config.describe(configKey) + " (0 picks a free one).");
        }
    }

    /** The last {@code lines} lines of a text file, or a note saying why there are none. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            raf.seek(start);
            byte[] bytes = new byte[(int) (length - start)];
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> all = text.lines().toList();
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            if (last.isEmpty()) {
                return "(" + file + " is empty)";
            }
            return "--- last " + last.size() + " lines of " + file + " ---\n" + String.join("\n", last) + "\n--- end of " + file + " ---";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL and wait again. Returns true if the process is gone. */
    static boolean stop(ProcessHandle process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        return awaitExit(process, Duration.ofSeconds(10));
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing useful to do
            }
        }
    }

    /** Whether a live process's command line contains {@code marker} (true if it cannot be told). */
    static boolean commandLineContains(ProcessHandle process, String marker) {
        if (!process.isAlive()) {
            return false;
        }
        Optional<String[]> args = process.info().arguments();
        Optional<String> line = process.info().commandLine();
        if (args.isPresent()) {
            for (String arg : args.get()) {
                if (arg.contains(marker)) {
                    return true;
                }
            }
            return line.map(l -> l.contains(marker)).orElse(false);
        }
        return line.map(l -> l.contains(marker)).orElse(true);
    }

    static OptionalLong readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static void writeString(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DevstackException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new DevstackException("could not delete " + root + ": " + e.getMessage(), e);
        }
    }

    static void deleteTreeQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (RuntimeException ignored) {
            // best effort at exit
        }
    }

    /**
     * Guards against orphans: a tiny shell that waits for this JVM to die (end-of-file on its
     * standard input) and then sends {@code signal} to {@code pid}, but only if that process's
     * command line still contains {@code marker} (so a reused pid is never hit). Destroy the
     * returned process once the guarded one has been stopped normally. Linux only; elsewhere the
     * JVM's shutdown hooks are all there is.
     */
    static Optional<Process> guardAgainstOrphan(long pid, String marker, String signal) {
        if (!orphanGuardAvailable()) {
            return Optional.empty();
        }
        String script = "while read -r _; do :; done; "
                + "if [ -r /proc/$1/cmdline ] && tr '\\0' '\\n' < /proc/$1/cmdline | grep -qF -- \"$2\"; then kill -s $3 $1; fi";
        List<String> command = new ArrayList<>(ownSessionPrefix());
        command.addAll(List.of("/bin/sh", "-c", script, "liandong-reaper", Long.toString(pid), marker, signal));
        try {
            Process reaper = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(reaper);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean orphanGuardAvailable() {
        return LINUX && Files.isExecutable(Path.of("/bin/sh")) && Files.isDirectory(Path.of("/proc"));
    }

    /** Stops a reaper made by {@link #guardAgainstOrphan} without letting it fire. */
    static void dismiss(Process reaper) {
        if (reaper != null && reaper.isAlive()) {
            reaper.destroyForcibly();
        }
    }

    static byte[] readResource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
