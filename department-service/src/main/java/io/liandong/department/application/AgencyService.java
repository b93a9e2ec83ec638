package io.liandong.department.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.liandong.department.config.DepartmentConfig;
import io.liandong.department.domain.Agency;
import io.liandong.department.domain.AgencyRules;
import io.liandong.department.persistence.AgencyEntity;
import io.liandong.platform.error.FieldError;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.versioning.Versions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The agency registry: seeded from YAML into an empty database, then edited through the admin API. */
@ApplicationScoped
@Transactional
public class AgencyService {

    private static final Logger LOG = Logger.getLogger(AgencyService.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final DepartmentConfig config;
    private final Clock clock;

    AgencyService(DepartmentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    record Seed(List<Agency> agencies) {
    }

    void seed(@Observes StartupEvent start) {
        // Replicas starting together serialise here; the second finds the registry filled.
        AgencyEntity.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('department.agency-seed'))")
                .getSingleResult();
        if (AgencyEntity.count() > 0) {
            return;
        }
        List<Agency> agencies = readSeed(config.agencies().seed());
        List<FieldError> errors = AgencyRules.check(agencies);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the agency seed " + config.agencies().seed() + " does not check: " + errors);
        }
        agencies.forEach(a -> store(new AgencyEntity(), a, "seed:" + config.agencies().seed()));
        LOG.infof("agency registry seeded with %d agencies from %s", agencies.size(), config.agencies().seed());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyView> list(String role) {
        List<AgencyEntity> rows = role == null ? AgencyEntity.list("ORDER BY id") : AgencyEntity.list("role = ?1 ORDER BY id", role);
        return rows.stream().map(AgencyService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgencyView get(String id) {
        AgencyEntity e = AgencyEntity.findById(id);
        if (e == null) {
            throw new UnknownResourceException("agency", id);
        }
        return view(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Agency> find(String id) {
        return Optional.ofNullable(AgencyEntity.<AgencyEntity>findById(id)).map(AgencyService::agency);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String id) {
        return id != null && AgencyEntity.findById(id) != null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Agency> registry() {
        return AgencyEntity.<AgencyEntity>list("ORDER BY id").stream().map(AgencyService::agency).toList();
    }

    /** The agency filling {@code role} for an incident of that kind and place (see {@link AgencyRules#resolve}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Agency> resolve(String role, String disputeType, String incidentType, String areaCode) {
        return AgencyRules.resolve(registry(), role, disputeType, incidentType, areaCode);
    }

    /**
     * Adds or replaces an agency. Replacing needs If-Match with its current ETag (428 without, 412
     * stale); adding needs none. A changed role is allowed: assignments already in its inbox stay there.
     */
    public Outcome put(String id, Agency agency, String updatedBy, String ifMatch) {
        List<FieldError> errors = AgencyRules.check(agency);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AgencyEntity e = AgencyEntity.findById(id);
        boolean created = e == null;
        if (created) {
            e = new AgencyEntity();
        } else {
            Versions.requireMatch(ifMatch, e.version, "agency", id);
        }
        store(e, agency, updatedBy);
        AgencyEntity.flush();
        return new Outcome(view(e), created);
    }

    public record Outcome(AgencyView agency, boolean created) {
    }

    public String hq() {
        return config.agencies().hq();
    }

    private void store(AgencyEntity e, Agency a, String by) {
        boolean isNew = e.id == null;
        e.id = a.id();
        e.name = a.name();
        e.role = a.role();
        e.areas = Json.write(a.areas());
        e.competentFor = Json.write(a.competentFor());
        e.onDuty = Json.write(a.onDuty());
        e.updatedBy = by;
        e.updatedAt = clock.instant();
        if (isNew) {
            e.persist();
        }
    }

    static Agency agency(AgencyEntity e) {
        return new Agency(e.id, e.name, e.role, Json.read(e.areas, STRINGS), Json.read(e.competentFor, STRINGS),
                Json.read(e.onDuty, new TypeReference<Agency.OnDuty>() { }));
    }

    static AgencyView view(AgencyEntity e) {
        Agency a = agency(e);
        return new AgencyView(a.id(), a.name(), a.role(), a.areas(), a.competentFor(), a.onDuty(), e.updatedBy, e.updatedAt,
                e.version);
    }

    private static List<Agency> readSeed(String location) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = open(location)) {
            return yaml.readValue(in, Seed.class).agencies();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the agency seed " + location + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String location) throws IOException {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IOException("neither a file nor a classpath resource");
        }
        return in;
    }
}
