package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class DevPostgresTest {

    @Test
    void createDatabaseGivesAFreshDatabaseEveryTime() throws Exception {
        DevPostgres pg = Devstack.postgres();

        String first = pg.createDatabase("devstack_first");
        String second = pg.createDatabase("devstack_second");
        assertThat(first).isNotEqualTo(second).startsWith("jdbc:postgresql://").endsWith("/devstack_first");

        execute(pg, "devstack_first", "CREATE TABLE note (id int primary key, text varchar(20))",
                "INSERT INTO note VALUES (1, 'kept')");
        assertThat(tableExists(pg, "devstack_first", "note")).isTrue();
        assertThat(tableExists(pg, "devstack_second", "note")).isFalse();

        // Again under the same name: empty again.
        pg.createDatabase("devstack_first");
        assertThat(tableExists(pg, "devstack_first", "note")).isFalse();

        // ...IfMissing keeps what is there.
        execute(pg, "devstack_first", "CREATE TABLE note (id int primary key)");
        pg.createDatabaseIfMissing("devstack_first");
        assertThat(tableExists(pg, "devstack_first", "note")).isTrue();

        try (Connection open = pg.connect("devstack_second")) { // an open session does not block the drop
            pg.dropDatabase("devstack_second");
        }
        assertThat(pg.databaseExists("devstack_second")).isFalse();
        pg.dropDatabase("devstack_first");
    }

    @Test
    void testResourceHandsOutAFreshDatabasePerStart() throws Exception {
        DevstackTestResource first = new DevstackTestResource();
        first.init(java.util.Map.of("kafka", "false"));
        var config = first.start();
        assertThat(config).containsKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password")
                .containsEntry("quarkus.devservices.enabled", "false")
                .doesNotContainKey("kafka.bootstrap.servers");
        String firstUrl = config.get("quarkus.datasource.jdbc.url");
        assertThat(DevstackTestResource.jdbcUrl()).isEqualTo(firstUrl);
        assertThat(System.getProperty(DevstackTestResource.JDBC_URL_PROPERTY)).isEqualTo(firstUrl);
        try (Connection c = DevstackTestResource.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE marker (id int)");
        }

        DevstackTestResource second = new DevstackTestResource();
        second.init(java.util.Map.of("kafka", "false"));
        String secondUrl = second.start().get("quarkus.datasource.jdbc.url");
        assertThat(secondUrl).isNotEqualTo(firstUrl);
        assertThat(DevstackTestResource.jdbcUrl()).isEqualTo(secondUrl);
        try (Connection c = DevstackTestResource.connection(); ResultSet rs = c.getMetaData().getTables(null, null, "marker", null)) {
            assertThat(rs.next()).as("a fresh database has no table of the previous one").isFalse();
        }

        String firstDb = firstUrl.substring(firstUrl.lastIndexOf('/') + 1);
        first.stop();
        assertThat(Devstack.postgres().databaseExists(firstDb)).as("stop() drops the database").isFalse();
        second.stop();
    }

    @Test
    void aBadUrlAndNothingElseGivesAnErrorThatSaysWhatWasTriedAndHowToFixIt() {
        DevPostgres pg = DevPostgres.builder().sources("url").url("jdbc:postgresql://127.0.0.1:1/postgres").build();
        assertThatThrownBy(pg::start)
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("No PostgreSQL could be started")
                .hasMessageContaining("url: FAILED")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("How to fix")
                .hasMessageContaining("liandong.devstack.db.url")
                .hasMessageContaining("LIANDONG_DEVSTACK_DB_URL")
                .hasMessageContaining("liandong.devstack.db.sources");
        assertThat(pg.isRunning()).isFalse();
    }

    @Test
    void everySourceTriedIsListedWithItsReason() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            DevPostgres pg = DevPostgres.builder().sources("url,embedded").url(null).port(taken.getLocalPort()).build();
            assertThatThrownBy(pg::start)
                    .isInstanceOf(DevstackException.class)
                    .hasMessageContaining("url: skipped: no URL configured")
                    .hasMessageContaining("embedded: FAILED")
                    .hasMessageContaining("port " + taken.getLocalPort() + " is in use");
        }
    }

    @Test
    void unknownSourceNamesAreRejected() {
        assertThatThrownBy(() -> DevPostgres.builder().sources("url,docker"))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("unknown PostgreSQL source 'docker'")
                .hasMessageContaining("url, embedded, testcontainers");
    }

    @Test
    void aServerGivenByUrlIsUsedWhenItAnswers() throws Exception {
        assumeTrue(accepts("127.0.0.1", 5432), "no PostgreSQL on 127.0.0.1:5432");
        DevPostgres pg = DevPostgres.builder().sources("url").url("jdbc:postgresql://127.0.0.1:5432/postgres")
                .username("postgres").password("postgres").build();
        try {
            pg.start();
        } catch (DevstackException e) {
            org.junit.jupiter.api.Assumptions.abort("the server on 127.0.0.1:5432 does not take user postgres: " + e.getMessage());
        }
        assertThat(pg.source()).isEqualTo("url");
        String url = pg.createDatabase("devstack_url_source");
        assertThat(url).isEqualTo("jdbc:postgresql://127.0.0.1:5432/devstack_url_source");
        execute(pg, "devstack_url_source", "CREATE TABLE t (id int)");
        assertThat(tableExists(pg, "devstack_url_source", "t")).isTrue();
        pg.dropDatabase("devstack_url_source");
        pg.stop(); // leaves that server running
        assertThat(accepts("127.0.0.1", 5432)).isTrue();
    }

    static void execute(DevPostgres pg, String database, String... statements) throws SQLException {
        try (Connection c = pg.connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static boolean tableExists(DevPostgres pg, String database, String table) throws SQLException {
        try (Connection c = pg.connect(database); ResultSet rs = c.getMetaData().getTables(null, "public", table, null)) {
            return rs.next();
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
