package io.liandong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.benchmark.Schedule.Operation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void requestsAreDueAtFixedIntervalsWhateverHappenedBefore() {
        Schedule schedule = new Schedule(200);
        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(5_000_000);
        assertThat(schedule.dueNanos(200)).isEqualTo(1_000_000_000);
        assertThat(new Schedule(3).dueNanos(1)).isEqualTo(333_333_333);
    }

    @Test
    void aRunHoldsRateTimesDurationRequests() {
        assertThat(new Schedule(200).requestsWithin(Duration.ofSeconds(60))).isEqualTo(12_000);
        assertThat(new Schedule(2.5).requestsWithin(Duration.ofSeconds(3))).isEqualTo(8);
    }

    @Test
    void theCycleMixesIncidentsGrievancesAcknowledgementsAndArrivals() {
        Schedule schedule = new Schedule(200);
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        for (long i = 0; i < 1000; i++) {
            counts.merge(schedule.operation(i), 1, Integer::sum);
        }
        assertThat(counts).containsEntry(Operation.INCIDENT, 100).containsEntry(Operation.GRIEVANCE, 300)
                .containsEntry(Operation.ACKNOWLEDGE, 300).containsEntry(Operation.ARRIVE, 300);
        assertThat(Schedule.share(Operation.GRIEVANCE)).isEqualTo(0.3);
        // Every incident brings three assignments: as many acknowledgements and arrivals as assignments.
        assertThat(counts.get(Operation.ACKNOWLEDGE)).isEqualTo(3 * counts.get(Operation.INCIDENT));
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new Schedule(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
