package io.liandong.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were taken on: cores, memory, JVM, load. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstLine("/proc/cpuinfo", "model name"));
        m.put("memTotalGiB", memGiB("MemTotal:"));
        m.put("memAvailableGiB", memGiB("MemAvailable:"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAverageAtStart", read("/proc/loadavg").trim());
        return m;
    }

    private static String firstLine(String file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "";
    }

    private static Double memGiB(String key) {
        String line = firstLine("/proc/meminfo", key);
        if (line.isEmpty()) {
            return null;
        }
        long kb = Long.parseLong(line.split("\\s+")[0]);
        return Math.round(kb / 1024d / 1024d * 10) / 10d;
    }

    private static String read(String file) {
        try {
            return ProcStats.read(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
