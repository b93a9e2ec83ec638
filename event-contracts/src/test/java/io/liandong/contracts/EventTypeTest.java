package io.liandong.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeFollowsTheNamingRule(EventType type) {
        Matcher m = EventType.TYPE_PATTERN.matcher(type.type());

        assertThat(m.matches()).as(type.type()).isTrue();
        assertThat(type.type()).matches("^io\\.liandong\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*$");
        assertThat(type.aggregate()).isEqualTo(m.group(1));
        assertThat(type.version()).isEqualTo(Integer.parseInt(m.group(3)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void constantRecordAndPackageAreNamedAfterTheType(EventType type) {
        Matcher m = EventType.TYPE_PATTERN.matcher(type.type());
        assertThat(m.matches()).isTrue();
        String aggregate = m.group(1);
        String happened = m.group(2);

        String constant = (aggregate + "_" + happened).replace('-', '_').toUpperCase(Locale.ROOT)
                + (type.version() > 1 ? "_V" + type.version() : "");
        String record = pascal(aggregate) + pascal(happened) + (type.version() > 1 ? "V" + type.version() : "");

        assertThat(type.name()).isEqualTo(constant);
        assertThat(type.payloadClass().getSimpleName()).isEqualTo(record);
        assertThat(type.payloadClass().getPackageName()).isEqualTo("io.liandong.contracts." + aggregate.replace("-", ""));
        assertThat(type.payloadClass().isRecord()).isTrue();
    }

    @Test
    void typeStringsAndPayloadClassesAreUnique() {
        List<String> types = Arrays.stream(EventType.values()).map(EventType::type).toList();
        List<Class<?>> classes = Arrays.stream(EventType.values()).<Class<?>>map(EventType::payloadClass).toList();

        assertThat(new HashSet<>(types)).hasSameSizeAs(types);
        assertThat(new HashSet<>(classes)).hasSameSizeAs(classes);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isFoundByItsTypeStringAndByItsPayloadClass(EventType type) {
        assertThat(EventType.of(type.type())).contains(type);
        assertThat(EventType.forPayload(type.payloadClass())).contains(type);
    }

    @Test
    void unknownTypesAreEmptyNotErrors() {
        assertThat(EventType.of("io.liandong.grievance.received.v99")).isEmpty();
        assertThat(EventType.of("")).isEmpty();
        assertThat(EventType.of(null)).isEmpty();
        assertThat(EventType.forPayload(String.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeHasASchemaAndASample(EventType type) {
        assertThat(ContractResources.exists(type.schemaResource())).as(type.schemaResource()).isTrue();
        assertThat(ContractResources.exists(type.sampleResource())).as(type.sampleResource()).isTrue();
        assertThat(EventType.class.getResourceAsStream(type.sampleResource())).as("usable with Class.getResourceAsStream").isNotNull();
        assertThat(type.schemaJson()).contains(type.type());
    }

    @Test
    void noSchemaOrSampleWithoutACatalogueEntry() {
        Set<String> schemas = Arrays.stream(EventType.values()).map(t -> t.type() + ".schema.json").collect(Collectors.toSet());
        Set<String> samples = Arrays.stream(EventType.values()).map(t -> t.type() + ".json").collect(Collectors.toSet());

        assertThat(ContractResources.fileNames("/io/liandong/contracts/schemas")).containsExactlyInAnyOrderElementsOf(schemas);
        assertThat(ContractResources.fileNames("/io/liandong/contracts/samples")).containsExactlyInAnyOrderElementsOf(samples);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isPublishedOnItsProducersTopicAndNotConsumedByItsProducer(EventType type) {
        assertThat(type.topic()).isEqualTo(type.producer().eventsTopic());
        assertThat(type.consumers()).isNotEmpty().doesNotContain(type.producer());
    }

    @Test
    void everyServiceProducesAndConsumes() {
        for (Service service : Service.values()) {
            assertThat(service.produces()).as(service.serviceName()).isNotEmpty();
            assertThat(service.consumes()).as(service.serviceName()).isNotEmpty();
        }
    }

    @Test
    void servicesConsumeTheTopicsTheDesignSays() {
        assertThat(producersConsumedBy(Service.GRIEVANCE)).containsExactlyInAnyOrder(Service.DISPATCH, Service.DEPARTMENT, Service.FOLLOWUP);
        assertThat(producersConsumedBy(Service.DISPATCH)).containsExactlyInAnyOrder(Service.GRIEVANCE, Service.DEPARTMENT, Service.FOLLOWUP);
        assertThat(producersConsumedBy(Service.DEPARTMENT)).containsExactlyInAnyOrder(Service.DISPATCH, Service.GRIEVANCE);
        assertThat(producersConsumedBy(Service.FOLLOWUP)).containsExactlyInAnyOrder(Service.DEPARTMENT, Service.DISPATCH, Service.GRIEVANCE);
    }

    private static Set<Service> producersConsumedBy(Service consumer) {
        Set<Service> producers = EnumSet.noneOf(Service.class);
        consumer.consumes().forEach(t -> producers.add(t.producer()));
        return producers;
    }

    private static String pascal(String kebab) {
        return Arrays.stream(kebab.split("-"))
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining());
    }
}
