package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessesTest {

    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @Test
    void readsTheKernelsEphemeralRangeWhole() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(RANGE), "a Linux kernel's port range");
        String[] kernel = String.join(" ", Files.readAllLines(RANGE)).trim().split("\\s+");

        assertThat(Processes.ephemeralRange()).containsExactly(Integer.parseInt(kernel[0]), Integer.parseInt(kernel[1]));
    }

    @Test
    void handsOutPortsBelowTheEphemeralRangeOnly() {
        int lowestEphemeral = Processes.ephemeralRange()[0];
        List<Integer> ports = java.util.stream.IntStream.range(0, 50).map(i -> Processes.freePort()).boxed().toList();

        assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(10_000, lowestEphemeral - 1));
    }
}
