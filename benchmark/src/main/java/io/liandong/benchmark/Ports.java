package io.liandong.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Free TCP ports below the kernel's ephemeral range. A port inside it can be taken by an outgoing
 * connection (a readiness poll connecting to itself) before the service binds it.
 */
final class Ports {

    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    static synchronized int free() {
        int low = 10_000;
        int high = Math.max(low + 1_000, ephemeralLow()) - 1;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = low + RANDOM.nextInt(high - low + 1);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port between " + low + " and " + high);
    }

    static int ephemeralLow() {
        try {
            return parseEphemeralLow(ProcStats.read(Path.of("/proc/sys/net/ipv4/ip_local_port_range")));
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /** {@code "32768\t60999\n"} -> 32768. */
    static int parseEphemeralLow(String range) {
        return Integer.parseInt(range.trim().split("\\s+")[0]);
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
