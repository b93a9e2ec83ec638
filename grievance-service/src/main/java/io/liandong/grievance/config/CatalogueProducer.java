package io.liandong.grievance.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.liandong.grievance.domain.Catalogue;
import io.liandong.grievance.domain.ProgressNarrator;
import io.liandong.grievance.domain.SurgeDetector;
import io.liandong.grievance.domain.SurgeRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The catalogue, read once at start from its YAML data, and the domain rules built from configuration. */
@ApplicationScoped
public class CatalogueProducer {

    record CatalogueFile(List<Catalogue.Department> departments, List<Catalogue.DisputeType> disputeTypes,
                         List<Catalogue.Category> categories, List<Catalogue.Area> areas) {
    }

    @Produces
    @Singleton
    Catalogue catalogue(GrievanceConfig config) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = open(config.catalogue())) {
            CatalogueFile file = yaml.readValue(in, CatalogueFile.class);
            return new Catalogue(file.departments(), file.disputeTypes(), file.categories(),
                    file.areas() == null ? List.of() : file.areas());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the category catalogue " + config.catalogue(), e);
        }
    }

    @Produces
    @Singleton
    SurgeDetector surgeDetector(GrievanceConfig config) {
        var surge = config.surge();
        return new SurgeDetector(new SurgeRule(surge.threshold(), surge.radiusMeters(), surge.window(), surge.matchSameArea(),
                surge.maxListed()));
    }

    @Produces
    @Singleton
    ProgressNarrator narrator(Catalogue catalogue, GrievanceConfig config) {
        return new ProgressNarrator(catalogue, config.zone());
    }

    private static InputStream open(String location) throws IOException {
        Path path = Path.of(location);
        if (Files.isRegularFile(path)) {
            return Files.newInputStream(path);
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IOException("no file or classpath resource " + location);
        }
        return in;
    }
}
