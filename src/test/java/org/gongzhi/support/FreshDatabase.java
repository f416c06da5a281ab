package org.gongzhi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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

    /** A direct JDBC connection to the test database (bypassing the proxy), for tampering tests. */
    public static Connection directConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
    }

    @Override
    public Map<String, String> start() {
        database = "gongzhi_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
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
