package io.liandong.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory and CPU time of a process, from Linux's {@code /proc}. */
final class ProcStats {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
    static final long TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /** Resident set size in bytes, if the process still runs. */
    static OptionalLong rssBytes(long pid) {
        try {
            return parseRssBytes(read(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU time (user + system) in milliseconds, if the process still runs. */
    static OptionalLong cpuMillis(long pid) {
        try {
            return parseCpuMillis(read(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** A process and every descendant (PostgreSQL's work happens in its backends). */
    static long cpuMillisWithDescendants(long pid) {
        long total = cpuMillis(pid).orElse(0);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            total += handle.get().descendants().mapToLong(p -> cpuMillis(p.pid()).orElse(0)).sum();
        }
        return total;
    }

    static long rssBytesWithDescendants(long pid) {
        long total = rssBytes(pid).orElse(0);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            total += handle.get().descendants().mapToLong(p -> rssBytes(p.pid()).orElse(0)).sum();
        }
        return total;
    }

    /**
     * The whole of a {@code /proc} file. {@code Files.readString} trusts the size the file reports,
     * which {@code /proc} files do not give, and may return only part of it.
     */
    static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code VmRSS:   235012 kB} of {@code /proc/<pid>/status}. */
    static OptionalLong parseRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Fields 14 and 15 (utime, stime) of {@code /proc/<pid>/stat}, counted after the command name,
     * which is in parentheses and may itself hold spaces and parentheses.
     */
    static OptionalLong parseCpuMillis(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        if (fields.length < 13) {
            return OptionalLong.empty();
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** CPU used over a wall-clock interval, as a percentage of one core. */
    static double percentOfOneCore(long cpuMillis, long wallMillis) {
        return wallMillis <= 0 ? Double.NaN : 100d * cpuMillis / wallMillis;
    }
}
