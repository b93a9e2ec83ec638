package io.liandong.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ServiceTest {

    @Test
    void namesSourcesAndTopicsFollowOneRule() {
        assertThat(Service.GRIEVANCE.serviceName()).isEqualTo("grievance-service");
        assertThat(Service.GRIEVANCE.source()).isEqualTo("/grievance-service");
        assertThat(Service.GRIEVANCE.eventsTopic()).isEqualTo("liandong.grievance.events");
        assertThat(Service.GRIEVANCE.deadLetterTopic()).isEqualTo("liandong.grievance.dlq");

        for (Service s : Service.values()) {
            String word = s.name().toLowerCase();
            assertThat(s.serviceName()).isEqualTo(word + "-service");
            assertThat(s.source()).isEqualTo("/" + word + "-service");
            assertThat(s.eventsTopic()).isEqualTo("liandong." + word + ".events");
            assertThat(s.deadLetterTopic()).isEqualTo("liandong." + word + ".dlq");
            assertThat(Service.ofSource(s.source())).contains(s);
        }
    }

    @Test
    void topicsListsEveryTopicOnce() {
        assertThat(Topics.EVENTS).containsExactlyElementsOf(Arrays.stream(Service.values()).map(Service::eventsTopic).toList());
        assertThat(Topics.DEAD_LETTERS).containsExactlyElementsOf(Arrays.stream(Service.values()).map(Service::deadLetterTopic).toList());
        assertThat(Topics.ALL).hasSize(8).doesNotHaveDuplicates()
                .containsAll(Topics.EVENTS).containsAll(Topics.DEAD_LETTERS);
    }

    @Test
    void unknownSourceIsEmpty() {
        assertThat(Service.ofSource("/somewhere-else")).isEmpty();
    }

    @Test
    void cloudEventHeadersAreTheKafkaBinaryModeNames() {
        assertThat(CloudEventHeaders.ALL).allSatisfy(h ->
                assertThat(h.startsWith(CloudEventHeaders.PREFIX) || h.equals(CloudEventHeaders.CONTENT_TYPE)).as(h).isTrue());
        assertThat(CloudEventHeaders.ALL).containsAll(CloudEventHeaders.REQUIRED).doesNotHaveDuplicates();
        assertThat(CloudEventHeaders.SPEC_VERSION).isEqualTo("1.0");
        assertThat(CloudEventHeaders.JSON_CONTENT_TYPE).isEqualTo("application/json");
    }
}
