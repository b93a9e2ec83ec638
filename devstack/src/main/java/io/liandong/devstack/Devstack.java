package io.liandong.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one Kafka broker and the one PostgreSQL server of a test JVM, started on first use on free
 * ports and stopped when the JVM exits (their data lives in a temp directory removed at exit).
 *
 * <p>Quarkus may load this class several times in one JVM (one class loader per application
 * restart, e.g. per test profile). The servers are still started only once: the first instance
 * publishes their addresses in system properties and later instances attach to them.
 */
public final class Devstack {

    /* A string literal is one object per JVM, whatever loaded this class: JVM-wide locks. */
    private static final String KAFKA_LOCK = "io.liandong.devstack.Devstack/kafka-lock";
    private static final String POSTGRES_LOCK = "io.liandong.devstack.Devstack/postgres-lock";
    private static final String DIR_LOCK = "io.liandong.devstack.Devstack/dir-lock";

    static final String SHARED_DIR = "liandong.devstack.shared.dir";
    static final String SHARED_KAFKA = "liandong.devstack.shared.kafka";
    static final String SHARED_POSTGRES = "liandong.devstack.shared.postgres";
    static final String KEY_BASE_DIR = "liandong.devstack.dir";

    private static Path workDir;
    private static KafkaBroker kafka;
    private static DevPostgres postgres;

    private Devstack() {
    }

    /** The broker, started on first call (on a free port); later calls return the same broker. */
    /**
     * The tests' identity provider: one signing key per module build, in {@code target/liandong-identity}
     * (a file, so a test and the application under test agree whatever their class loaders).
     * {@code Devstack.identity().token("commerce-bureau", "agency-officer")} is a valid bearer token.
     */
    public static LocalIdentity identity() {
        return LocalIdentity.in(Path.of(Config.get("liandong.devstack.identity.dir", "target/liandong-identity")));
    }

    public static KafkaBroker kafka() {
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                String shared = System.getProperty(SHARED_KAFKA);
                if (shared != null) {
                    String[] parts = shared.split("\\|", 3);
                    kafka = KafkaBroker.builder().port(Integer.parseInt(parts[0])).controllerPort(Integer.parseInt(parts[1]))
                            .dataDir(Path.of(parts[2])).build();
                } else {
                    kafka = KafkaBroker.builder().dataDir(workDir().resolve("kafka")).build();
                    System.setProperty(SHARED_KAFKA, kafka.port() + "|" + kafka.controllerPort() + "|" + kafka.dataDir());
                }
                kafka.start();
            }
            return kafka;
        }
    }

    /** The PostgreSQL server, started on first call; later calls return the same server. */
    public static DevPostgres postgres() {
        synchronized (POSTGRES_LOCK) {
            if (postgres == null) {
                String shared = System.getProperty(SHARED_POSTGRES);
                DevPostgres server;
                if (shared != null) {
                    String[] parts = shared.split("\n", 3);
                    server = DevPostgres.builder().sources(DevPostgres.Source.URL)
                            .url(parts[0]).username(parts[1]).password(parts[2]).build();
                } else {
                    server = DevPostgres.builder().dataDir(workDir().resolve("postgres")).keepData(false).build();
                }
                server.start(); // throws, and the next call tries again
                postgres = server;
                if (shared == null) {
                    System.setProperty(SHARED_POSTGRES, server.jdbcUrl("postgres") + "\n" + server.username() + "\n"
                            + server.password());
                }
            }
            return postgres;
        }
    }

    /**
     * Starts what is asked for and not yet running, PostgreSQL beside Kafka rather than after it
     * (about 2 s saved on the first test of a JVM).
     */
    public static void startAll(boolean withKafka, boolean withPostgres) {
        if (withKafka && withPostgres) {
            Throwable[] failure = new Throwable[1];
            Thread pg = new Thread(() -> {
                try {
                    postgres();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, "devstack-postgres-start");
            pg.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            pg.setDaemon(true);
            pg.start();
            try {
                kafka().start();
            } finally {
                try {
                    pg.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DevstackException("interrupted while starting PostgreSQL", e);
                }
            }
            if (failure[0] instanceof RuntimeException e) {
                throw e;
            } else if (failure[0] instanceof Error e) {
                throw e;
            }
        } else if (withKafka) {
            kafka().start();
        } else if (withPostgres) {
            postgres();
        }
    }

    /** This JVM's devstack directory (under {@code liandong.devstack.dir}, default the temp dir). */
    public static Path workDir() {
        synchronized (DIR_LOCK) {
            if (workDir == null) {
                String shared = System.getProperty(SHARED_DIR);
                if (shared != null) {
                    workDir = Path.of(shared);
                } else {
                    try {
                        Path base = Path.of(Config.get(KEY_BASE_DIR, System.getProperty("java.io.tmpdir")));
                        Files.createDirectories(base);
                        workDir = Files.createTempDirectory(base, "liandong-devstack-").toAbsolutePath();
                    } catch (IOException e) {
                        throw new DevstackException("could not create a devstack directory: " + e.getMessage()
                                + " (set " + Config.describe(KEY_BASE_DIR) + " to a writable folder)", e);
                    }
                    System.setProperty(SHARED_DIR, workDir.toString());
                    Path dir = workDir;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> cleanUpAtExit(dir), "devstack-cleanup"));
                }
            }
            return workDir;
        }
    }

    private static void cleanUpAtExit(Path dir) {
        KafkaBroker k;
        DevPostgres p;
        synchronized (KAFKA_LOCK) {
            k = kafka;
        }
        synchronized (POSTGRES_LOCK) {
            p = postgres;
        }
        // Throwable: at JVM exit a class loader may already be closed. The broker's watchdog and the
        // server's orphan guard still end both processes then.
        try {
            if (k != null) {
                k.stop();
            }
        } catch (Throwable ignored) {
            // exiting anyway
        }
        try {
            if (p != null) {
                p.stop();
            }
        } catch (Throwable ignored) {
            // exiting anyway
        }
        try {
            Processes.deleteTreeQuietly(dir);
        } catch (Throwable ignored) {
            // a leftover temp directory is harmless
        }
    }
}
