package io.liandong.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.grievance.GrievanceClosed;
import io.liandong.contracts.grievance.GrievanceOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final AssignmentDeadlineBreached BREACH = new AssignmentDeadlineBreached(
            "asg-2026-0107-03", "inc-2026-0107", "community-binhe", DeadlineKind.ON_SCENE,
            Instant.parse("2026-03-14T06:03:24Z"), Instant.parse("2026-03-14T06:03:25.250Z"));

    @Test
    void writesInstantsAsIsoStringsAndEnumsAsKebabWords() {
        JsonNode json = EventJson.readTree(EventJson.write(BREACH));

        assertThat(json.get("dueAt").asText()).isEqualTo("2026-03-14T06:03:24Z");
        assertThat(json.get("breachedAt").asText()).isEqualTo("2026-03-14T06:03:25.250Z");
        assertThat(json.get("deadline").asText()).isEqualTo("on-scene");
    }

    @Test
    void leavesAbsentValuesOut() {
        GrievanceClosed closed = new GrievanceClosed("grv-1", null, GrievanceOutcome.CLOSED,
                "Duplicate of grv-0", "operator-1", Instant.parse("2026-03-14T06:00:00Z"));

        JsonNode json = EventJson.readTree(EventJson.write(closed));

        assertThat(json.has("incidentId")).isFalse();
        assertThat(json.get("outcome").asText()).isEqualTo("closed");
    }

    @Test
    void ignoresPropertiesItDoesNotKnow() {
        String newer = EventJson.write(BREACH).replaceFirst("\\{", "{\"addedInALaterRelease\":{\"x\":1},");

        assertThat(EventJson.read(newer, AssignmentDeadlineBreached.class)).isEqualTo(BREACH);
    }

    @Test
    void refusesAnEventWithoutARequiredValue() {
        String missing = "{\"assignmentId\":\"asg-1\",\"agencyId\":\"a\",\"deadline\":\"on-scene\","
                + "\"dueAt\":\"2026-03-14T06:03:24Z\",\"breachedAt\":\"2026-03-14T06:03:25Z\"}";

        assertThatThrownBy(() -> EventJson.read(missing, EventType.ASSIGNMENT_DEADLINE_BREACHED))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AssignmentDeadlineBreached");
    }

    @Test
    void refusesAnEnumValueItDoesNotKnow() {
        String unknown = EventJson.write(BREACH).replace("\"on-scene\"", "\"on-the-moon\"");

        assertThatThrownBy(() -> EventJson.read(unknown, AssignmentDeadlineBreached.class))
                .isInstanceOf(EventJsonException.class);
    }

    @Test
    void readsAListOfRecordsStoredAsJsonAndNamesTheTypeWhenItCannot() {
        TypeReference<List<AssignmentDeadlineBreached>> breaches = new TypeReference<>() { };
        String stored = "[" + EventJson.write(BREACH) + "," + EventJson.write(BREACH) + "]";

        assertThat(EventJson.read(stored, breaches)).containsExactly(BREACH, BREACH);
        assertThatThrownBy(() -> EventJson.read("[{\"assignmentId\":\"asg-1\"}]", breaches))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("java.util.List<io.liandong.contracts.assignment.AssignmentDeadlineBreached>");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> EventJson.readTree("{not json")).isInstanceOf(EventJsonException.class);
    }

    @Test
    void handsOutCopiesOfTheMapperSoNobodyCanReconfigureTheSharedOne() {
        EventJson.mapper().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(EventJson.write(BREACH)).contains("\"2026-03-14T06:03:24Z\"");
        assertThat(EventJson.mapper().isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    }
}
