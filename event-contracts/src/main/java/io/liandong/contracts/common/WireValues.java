package io.liandong.contracts.common;

import java.util.Locale;

/**
 * Enum constants travel as lowercase kebab words: {@code ON_SCENE} is {@code "on-scene"}.
 * Every payload enum returns {@link #of(Enum)} from its {@code @JsonValue} method.
 */
public final class WireValues {

    private WireValues() {
    }

    /** The wire form of a constant. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant with the given wire form, e.g. for values stored in a database column. */
    public static <E extends Enum<E>> E parse(Class<E> type, String wireValue) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(wireValue)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " is called '" + wireValue + "'");
    }
}
