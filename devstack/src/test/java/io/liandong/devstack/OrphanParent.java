package io.liandong.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A parent JVM for {@link ParentDeathTest}: starts a broker and an embedded PostgreSQL, reports their pids, then waits to be killed. */
public final class OrphanParent {

    private OrphanParent() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        KafkaBroker broker = KafkaBroker.builder().dataDir(dir.resolve("kafka")).build().start();
        DevPostgres postgres = DevPostgres.builder().sources("embedded").dataDir(dir.resolve("postgres")).build().start();
        System.out.println("READY " + broker.pid().getAsLong() + " " + postgres.pid().getAsLong());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
