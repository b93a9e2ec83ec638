package io.liandong.platform.config;

import io.liandong.contracts.Service;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Resolves the configured service name ({@code liandong.platform.service}) to its contract. */
public final class Services {

    private Services() {
    }

    public static Service named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace("-service", "");
        return Arrays.stream(Service.values())
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("liandong.platform.service=" + name
                        + " is not one of " + Arrays.stream(Service.values())
                        .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
