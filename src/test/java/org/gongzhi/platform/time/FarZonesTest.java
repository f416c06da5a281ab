package org.gongzhi.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.TimeZone;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.FreshDatabase;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.Sql;
import org.junit.jupiter.api.Test;

/**
 * The whole suite runs with the JVM in Los Angeles (UTC-8) and the database, and the application's sessions, in
 * Kiritimati (UTC+14), on either side of the business zone, Asia/Shanghai: a day or a month taken from any zone but
 * the business calendar's shows up as a failing test at most hours. This guards the setting itself.
 */
@GraphQLTest
class FarZonesTest {

    @Inject
    DataSource ds;

    @Inject
    BusinessCalendar calendar;

    @Test
    void theJvmAndTheDatabaseRunFarFromTheBusinessZoneOnEitherSide() throws SQLException {
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(TimeZone.getDefault().getID()).as("-Duser.timezone of surefire").isEqualTo("America/Los_Angeles");
        try (Connection c = ds.getConnection()) {
            assertThat(Sql.one(c, "show timezone")).as("the application's session").isEqualTo(FreshDatabase.DATABASE_ZONE);
            assertThat(Sql.one(c, """
                    select array_to_string(setconfig, ',') from pg_db_role_setting
                    where setdatabase = (select oid from pg_database where datname = current_database()) and setrole = 0
                    """)).as("the database's default").isEqualTo("TimeZone=" + FreshDatabase.DATABASE_ZONE);
        }
    }
}
