package io.liandong.followup.domain;

import java.util.Arrays;
import java.util.List;

/** Lists of ids and URLs kept in one text column, one per line. */
public final class Lines {

    private Lines() {
    }

    public static String join(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    public static List<String> split(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
    }
}
