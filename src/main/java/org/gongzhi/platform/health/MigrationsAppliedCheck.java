package org.gongzhi.platform.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Ready only when the database answers and the newest migration this build ships has been applied (a pod
 * of a newer build must not take traffic against an older schema). Also the startup check. The newest
 * version is read once from the build's migration files; each probe then costs one indexed query.
 */
@Readiness
@Startup
@ApplicationScoped
public class MigrationsAppliedCheck implements HealthCheck {

    private final Flyway flyway;
    private final DataSource dataSource;
    private volatile String newestVersion;

    MigrationsAppliedCheck(Flyway flyway, DataSource dataSource) {
        this.flyway = flyway;
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String expected = newestVersion();
            boolean applied;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "select count(*) from flyway_schema_history where version = ? and success")) {
                ps.setString(1, expected);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    applied = rs.getLong(1) > 0;
                }
            }
            return HealthCheckResponse.named("database-migrations").status(applied).withData("expected", expected).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database-migrations").down().withData("error", "database unreachable").build();
        }
    }

    /**
     * The newest migration this build ships, from the migration files Flyway was configured with (an in-memory list in
     * a Quarkus application: no database round trip, no scan), so the first readiness probe costs one query.
     */
    private String newestVersion() {
        if (newestVersion == null) {
            var config = flyway.getConfiguration();
            newestVersion = config.getResourceProvider()
                    .getResources(config.getSqlMigrationPrefix(), config.getSqlMigrationSuffixes()).stream()
                    .map(r -> r.getFilename())
                    .map(name -> name.substring(config.getSqlMigrationPrefix().length(), name.indexOf(config.getSqlMigrationSeparator())))
                    .map(v -> MigrationVersion.fromVersion(v.replace('_', '.')))
                    .max(Comparator.naturalOrder())
                    .orElseThrow()
                    .getVersion();
        }
        return newestVersion;
    }
}
