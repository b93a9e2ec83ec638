package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Quarkus loads test dependencies again for each application it starts; the broker and the server
 * must still be started once per JVM. Here a second, isolated class loader plays that part.
 */
class DevstackSharingTest {

    @Test
    void anotherClassLoaderAttachesToTheSameBrokerAndServer() throws Exception {
        KafkaBroker broker = Devstack.kafka();
        DevPostgres pg = Devstack.postgres();

        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> other = isolated.loadClass(Devstack.class.getName());
            assertThat(other).isNotSameAs(Devstack.class);

            Object otherBroker = other.getMethod("kafka").invoke(null);
            assertThat(otherBroker.getClass().getMethod("bootstrapServers").invoke(otherBroker)).isEqualTo(broker.bootstrapServers());
            assertThat(otherBroker.getClass().getMethod("pid").invoke(otherBroker)).isEqualTo(broker.pid());

            Object otherPg = other.getMethod("postgres").invoke(null);
            assertThat(otherPg.getClass().getMethod("jdbcUrl", String.class).invoke(otherPg, "postgres"))
                    .isEqualTo(pg.jdbcUrl("postgres"));
            String url = (String) otherPg.getClass().getMethod("createDatabase", String.class).invoke(otherPg, "devstack_shared");
            assertThat(pg.databaseExists("devstack_shared")).isTrue();
            assertThat(url).isEqualTo(pg.jdbcUrl("devstack_shared"));
            pg.dropDatabase("devstack_shared");
        }
        assertThat(Devstack.kafka()).isSameAs(broker);
        assertThat(broker.isRunning()).isTrue();
    }
}
