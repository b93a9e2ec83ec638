package io.liandong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObserverTest {

    private static Observer.Seen seen(String id, String type) {
        return new Observer.Seen(id, "liandong.dispatch.events", type, "s", "inc-1", 1, 2, 3);
    }

    @Test
    void theEventsOfARunAreCountedByTypeTheMostFrequentFirst() {
        var counts = Observer.countByType(List.of(
                seen("e1", "io.liandong.assignment.created.v1"),
                seen("e2", "io.liandong.assignment.deadline-warning.v1"),
                seen("e3", "io.liandong.assignment.created.v1"),
                seen("e4", "io.liandong.incident.reported.v1"),
                seen("e5", "io.liandong.assignment.created.v1"),
                seen("e6", "io.liandong.assignment.deadline-warning.v1")));

        assertThat(counts).containsExactly(
                entry("io.liandong.assignment.created.v1", 3L),
                entry("io.liandong.assignment.deadline-warning.v1", 2L),
                entry("io.liandong.incident.reported.v1", 1L));
        assertThat(Observer.countByType(List.of())).isEmpty();
    }
}
