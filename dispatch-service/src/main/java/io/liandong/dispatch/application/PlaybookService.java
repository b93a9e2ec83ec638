package io.liandong.dispatch.application;

import io.liandong.dispatch.config.DispatchConfig;
import io.liandong.dispatch.domain.playbook.Playbook;
import io.liandong.dispatch.domain.playbook.PlaybookParser;
import io.liandong.dispatch.persistence.PlaybookEntity;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.UnknownResourceException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The running playbook. At start the configured file (or the standard on the classpath) is stored
 * if its version is new; the active version in the database is what runs, so a playbook replaced
 * through the admin API survives restarts and reaches every replica. Every version stays, because
 * incidents keep the version they were handled under.
 */
@ApplicationScoped
@Transactional
public class PlaybookService {

    private static final Logger LOG = Logger.getLogger(PlaybookService.class);
    static final String CLASSPATH_DEFAULT = "/playbook/key-areas-standard.yaml";

    /** A stored version, for the admin API. */
    public record PlaybookVersion(String version, String title, boolean active, String source, java.time.Instant loadedAt,
                                  String loadedBy) {
    }

    /** The running playbook and its text. */
    public record Running(Playbook playbook, String yaml, PlaybookVersion stored) {
    }

    private final DispatchConfig config;
    private final Clock clock;
    private final AfterCommit afterCommit;
    private final Map<String, Playbook> byVersion = new ConcurrentHashMap<>();
    private volatile Playbook current;

    PlaybookService(DispatchConfig config, Clock clock, AfterCommit afterCommit) {
        this.config = config;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    void onStart(@Observes StartupEvent start) {
        String source = config.playbook().file().orElse("classpath:" + CLASSPATH_DEFAULT);
        String yaml = config.playbook().file().map(PlaybookService::readFile).orElseGet(PlaybookService::readDefault);
        Playbook configured = PlaybookParser.parse(yaml);   // a bad configured playbook stops the start, with every error
        QuarkusTransaction.requiringNew().run(() -> {
            PlaybookEntity stored = PlaybookEntity.findById(configured.version());
            if (stored == null) {
                stored = new PlaybookEntity();
                stored.version = configured.version();
                stored.yaml = yaml;
                stored.source = source;
                stored.active = PlaybookEntity.active() == null;
                stored.loadedAt = clock.instant();
                stored.loadedBy = "startup";
                stored.persist();
            } else if (PlaybookEntity.active() == null) {
                stored.active = true;
            }
        });
        refresh();
        LOG.infof("running playbook %s", current.version());
    }

    /** Picks up a playbook another replica activated. */
    @Scheduled(every = "${liandong.dispatch.playbook.refresh-interval:10s}", delay = 10)
    void refresh() {
        PlaybookEntity active = QuarkusTransaction.requiringNew().call(PlaybookEntity::active);
        if (active != null && (current == null || !current.version().equals(active.version))) {
            current = byVersion.computeIfAbsent(active.version, v -> PlaybookParser.parse(active.yaml));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Playbook current() {
        return current;
    }

    /** The playbook an incident was handled under. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Playbook version(String version) {
        Playbook cached = byVersion.get(version);
        if (cached != null) {
            return cached;
        }
        PlaybookEntity stored = PlaybookEntity.findById(version);
        if (stored == null) {
            throw new UnknownResourceException("playbook version", version);
        }
        return byVersion.computeIfAbsent(version, v -> PlaybookParser.parse(stored.yaml));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Running running() {
        PlaybookEntity active = PlaybookEntity.findById(current.version());
        return new Running(current, active.yaml, view(active));
    }

    /** A version this HQ has run, as it was stored: what the incidents handled under it followed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Running stored(String version) {
        PlaybookEntity stored = PlaybookEntity.findById(version);
        if (stored == null) {
            throw new UnknownResourceException("playbook version", version);
        }
        return new Running(version(version), stored.yaml, view(stored));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlaybookVersion> versions() {
        return PlaybookEntity.<PlaybookEntity>listAll().stream()
                .sorted((a, b) -> b.loadedAt.compareTo(a.loadedAt)).map(PlaybookService::view).toList();
    }

    /**
     * Checks and activates a new playbook. A bad one is refused with every error and the running
     * one stays; a version number already used for other content is refused (409).
     */
    public Running replace(String yaml, String loadedBy) {
        Playbook playbook = PlaybookParser.parse(yaml);
        PlaybookEntity existing = PlaybookEntity.findById(playbook.version());
        if (existing != null && !existing.yaml.equals(yaml)) {
            throw new IllegalStateChangeException("playbook version " + playbook.version()
                    + " already exists with other content; give the new playbook a new version");
        }
        PlaybookEntity active = PlaybookEntity.active();
        if (active != null && active != existing) {
            active.active = false;
            PlaybookEntity.flush();
        }
        if (existing == null) {
            existing = new PlaybookEntity();
            existing.version = playbook.version();
            existing.yaml = yaml;
            existing.source = "admin-api";
            existing.loadedAt = clock.instant();
            existing.loadedBy = loadedBy;
            existing.active = true;
            existing.persist();
        } else {
            existing.active = true;
        }
        byVersion.putIfAbsent(playbook.version(), playbook);
        afterCommit.run(() -> current = playbook);
        return new Running(playbook, yaml, view(existing));
    }

    private static PlaybookVersion view(PlaybookEntity e) {
        String title = PlaybookParser.parse(e.yaml).title();
        return new PlaybookVersion(e.version, title, e.active, e.source, e.loadedAt, e.loadedBy);
    }

    private static String readFile(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the playbook file " + file, e);
        }
    }

    static String readDefault() {
        try (InputStream in = PlaybookService.class.getResourceAsStream(CLASSPATH_DEFAULT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
