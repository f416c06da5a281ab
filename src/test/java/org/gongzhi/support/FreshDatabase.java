package org.gongzhi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Each test run gets its own, new PostgreSQL database on the local server (never Dev Services, no
 * Docker needed), reached through a {@link TcpProxy} so tests can cut the connection. The database is
 * dropped when the run ends; leftovers of an earlier run can never influence this one.
 * <p>
 * The database's default {@code TimeZone} is {@link #DATABASE_ZONE}, far east of Beijing, while the JVM runs far west
 * of it ({@code -Duser.timezone=America/Los_Angeles} in the pom), so a result that depends on either zone instead of
 * the business calendar fails (platform/time/package-info.java). The JDBC driver names the JVM's zone when it
 * connects, which would hide the database's default; the application's connections therefore start with
 * {@code set time zone} to the same zone.
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    /** The test database's zone: UTC+14, six hours ahead of Beijing, the JVM's zone sixteen hours behind it. */
    public static final String DATABASE_ZONE = "Pacific/Kiritimati";

    static final String HOST = env("GONGZHI_TEST_PG_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(env("GONGZHI_TEST_PG_PORT", "5432"));
    static final String USER = env("GONGZHI_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("GONGZHI_TEST_PG_PASSWORD", "");

    private static TcpProxy proxy;
    private static String database;

    public static TcpProxy proxy() {
        return proxy;
    }

    public static String databaseName() {
        return database;
    }

    /**
     * The test database as a DataSource of direct connections (bypassing the proxy), for fixtures of tests that cannot
     * inject the application's pool: integration tests run the packaged application in another process.
     */
    public static DataSource dataSource() {
        return new Own(database).dataSource();
    }

    /** A direct JDBC connection to the test database (bypassing the proxy), for tampering tests. */
    public static Connection directConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
    }

    /**
     * Terminates every backend of the test database but the caller's own, as a database restart or failover does:
     * the application's pooled connections and its LISTEN connection die together. Returns how many were ended.
     */
    public static int terminateBackends() throws SQLException {
        try (Connection c = directConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("""
                        select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()""")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A database of its own for a test that starts the application itself: no proxy, dropped by {@link Own#close}. */
    public static Own own() throws SQLException {
        String name = newName();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return new Own(name);
    }

    public record Own(String name) implements AutoCloseable {

        public Map<String, String> config() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name,
                    "quarkus.datasource.username", USER, "quarkus.datasource.password", PASSWORD);
        }

        public DataSource dataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {HOST});
            ds.setPortNumbers(new int[] {PORT});
            ds.setDatabaseName(name);
            ds.setUser(USER);
            ds.setPassword(PASSWORD);
            return ds;
        }

        @Override
        public void close() throws SQLException {
            if (!"true".equals(System.getenv("GONGZHI_TEST_KEEP_DB"))) {
                try (Connection c = admin(); Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + name + " with (force)");
                }
            }
        }
    }

    private static String newName() {
        return "gongzhi_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    }

    @Override
    public Map<String, String> start() {
        database = newName();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("create database " + database);
            s.execute("alter database " + database + " set timezone to '" + DATABASE_ZONE + "'");
            proxy = new TcpProxy(HOST, PORT);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the test database on " + HOST + ":" + PORT
                    + " (is PostgreSQL running? see README)", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "quarkus.datasource.jdbc.new-connection-sql", "set time zone '" + DATABASE_ZONE + "'",
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
            if (!"true".equals(System.getenv("GONGZHI_TEST_KEEP_DB"))) {
                try (Connection c = admin(); Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + database + " with (force)");
                }
            }
        } catch (Exception e) {
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
