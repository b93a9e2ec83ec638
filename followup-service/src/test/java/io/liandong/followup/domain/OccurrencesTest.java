package io.liandong.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.resolution.Schedule;
import io.liandong.contracts.resolution.ScheduleKind;
import io.liandong.contracts.resolution.Stage;
import io.liandong.followup.domain.Occurrences.Occurrence;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccurrencesTest {

    static final Instant DUE = Instant.parse("2027-02-28T16:00:00Z");

    @Test
    void aOneOffCommitmentIsOneItemAtItsDueDate() {
        assertThat(Occurrences.of(new Schedule(ScheduleKind.ONCE, null, null, null, null), DUE))
                .containsExactly(new Occurrence(null, DUE, null));
    }

    @Test
    void aStagedCommitmentIsOneItemPerStage() {
        List<Occurrence> o = Occurrences.of(new Schedule(ScheduleKind.STAGED, null, null, null, List.of(
                new Stage(1, Instant.parse("2026-03-31T16:00:00Z"), "first third"),
                new Stage(2, Instant.parse("2026-08-31T16:00:00Z"), "second third"),
                new Stage(3, DUE, "final third"))), DUE);
        assertThat(o).extracting(Occurrence::occurrence).containsExactly(1, 2, 3);
        assertThat(o.get(2).dueAt()).isEqualTo(DUE);
        assertThat(o.get(1).detail()).isEqualTo("stage 2: second third");
    }

    @Test
    void aRecurringCommitmentIsOneItemPerCalendarPeriod() {
        List<Occurrence> o = Occurrences.of(new Schedule(ScheduleKind.RECURRING, Instant.parse("2026-01-31T16:00:00Z"),
                Period.ofMonths(1), 3, null), DUE);
        assertThat(o).extracting(Occurrence::dueAt).containsExactly(Instant.parse("2026-01-31T16:00:00Z"),
                Instant.parse("2026-02-28T16:00:00Z"), Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void anIncompleteOrHugeScheduleIsBounded() {
        assertThat(Occurrences.of(new Schedule(ScheduleKind.RECURRING, null, Period.ofMonths(1), 3, null), DUE))
                .containsExactly(new Occurrence(null, DUE, null));
        assertThat(Occurrences.of(new Schedule(ScheduleKind.STAGED, null, null, null, null), DUE)).hasSize(1);
        assertThat(Occurrences.of(new Schedule(ScheduleKind.RECURRING, DUE, Period.ofDays(1), 100_000, null), DUE))
                .hasSize(Occurrences.MAX);
    }
}
