package io.liandong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.Service;
import io.liandong.contracts.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration names the environment check accepts come out of the services' own sources. */
class ConfigMappingsTest {

    @Test
    void readsThePlatformMappingWithItsGroups() {
        String source = Repository.read(Repository.root()
                .resolve("platform-support/src/main/java/io/liandong/platform/config/PlatformConfig.java"));
        assertThat(ConfigMappings.keys(source)).containsExactlyInAnyOrder(
                "liandong.platform.service",
                "liandong.platform.outbox.relay-enabled",
                "liandong.platform.outbox.poll-interval",
                "liandong.platform.outbox.batch-size",
                "liandong.platform.outbox.max-backoff",
                "liandong.platform.outbox.retention",
                "liandong.platform.outbox.delivery-timeout",
                "liandong.platform.outbox.max-event-bytes",
                "liandong.platform.consumer.attempts",
                "liandong.platform.consumer.retry-backoff",
                "liandong.platform.consumer.transient-attempts",
                "liandong.platform.consumer.max-backoff");
    }

    @Test
    void honoursWithNameAndSkipsDefaultMethodsAndNestedTypes() {
        String source = """
                @ConfigMapping(prefix = "demo")
                public interface DemoConfig {
                    /** A comment with a fake() ; accessor. */
                    @WithName("renamed-thing")
                    String thing();

                    @WithDefault("PT1S")
                    java.time.Duration pollInterval();

                    Optional<List<String>> tags();

                    default String derived() {
                        return thing() + "x";
                    }

                    Group group();

                    interface Group {
                        @WithDefault("3")
                        int maxAttempts();
                    }
                }
                """;
        assertThat(ConfigMappings.keys(source)).containsExactlyInAnyOrder(
                "demo.renamed-thing", "demo.poll-interval", "demo.tags", "demo.group.max-attempts");
    }

    @Test
    void everyServiceKnowsTheVariablesTheManifestsUse() {
        List<String> common = List.of("QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "LIANDONG_DB_PASSWORD", "LIANDONG_PLATFORM_OUTBOX_POLL_INTERVAL",
                "LIANDONG_PLATFORM_OUTBOX_BATCH_SIZE", "LIANDONG_PLATFORM_OUTBOX_MAX_BACKOFF", "LIANDONG_PLATFORM_OUTBOX_RETENTION",
                "LIANDONG_PLATFORM_OUTBOX_DELIVERY_TIMEOUT", "LIANDONG_PLATFORM_CONSUMER_ATTEMPTS",
                "LIANDONG_PLATFORM_CONSUMER_RETRY_BACKOFF", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
                "KAFKA_SASL_JAAS_CONFIG");
        for (Service service : Service.values()) {
            ServiceConfig config = ServiceConfig.of(service);
            assertThat(common).as(service.serviceName()).allSatisfy(name -> assertThat(config.knows(name)).as(name).isTrue());
            assertThat(config.knows("QUARKUS_DATASOURCE_JDBC_URI")).isFalse();
            assertThat(config.knows("LIANDONG_DISPATCH_SURGE_MODE")).isEqualTo(service == Service.DISPATCH);
        }
    }

    @Test
    void readsWhichTopicsEachServiceConsumes() {
        assertThat(ServiceConfig.of(Service.GRIEVANCE).incomingTopics())
                .containsExactlyInAnyOrder(Topics.DISPATCH_EVENTS, Topics.DEPARTMENT_EVENTS, Topics.FOLLOWUP_EVENTS);
        assertThat(ServiceConfig.of(Service.DEPARTMENT).incomingTopics())
                .containsExactlyInAnyOrder(Topics.DISPATCH_EVENTS, Topics.GRIEVANCE_EVENTS);
        assertThat(ServiceConfig.of(Service.DISPATCH).shortName()).isEqualTo("dispatch");
    }

    @Test
    void mapsPropertiesToEnvironmentNamesAsSmallRyeDoes() {
        assertThat(ServiceConfig.environmentName("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(ServiceConfig.environmentName("liandong.platform.outbox.poll-interval"))
                .isEqualTo("LIANDONG_PLATFORM_OUTBOX_POLL_INTERVAL");
    }
}
