package org.gongzhi.member;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gongzhi.platform.demo.DemoContext;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.Times;

/**
 * Writes the demo street over one JDBC connection of the demo transaction: organizations one statement
 * each (their path needs their own id), everything else as pre-allocated ids and batched inserts.
 * Organization rows get exactly what OrganizationService computes: path '/street/…/self/', depth,
 * tenant_id = street id, community_id = nearest COMMUNITY_COMMITTEE ancestor-or-self.
 */
abstract class DemoStreetWriter {

    record Org(long id, String path, int depth, Long communityId, String kind, String name) {
    }

    /** One resident (or staff member without a household) before insertion. */
    static final class Person {
        long id;
        Integer household;          // index into households, null for staff
        long communityId;
        Long nullableCommunity;     // street staff have none
        String name;
        Gender gender;
        LocalDate birth;
        String phone;
        String idNumber;
        String address;
        final List<String> tags = new ArrayList<>();

        int age(LocalDate today) {
            return birth.until(today).getYears();
        }
    }

    record Building(long id, int grid, Long compound, String name, String place) {
    }

    record Household(long id, int building, int grid, String door) {
    }

    record Link(long member, long organization, String role, LocalDate since) {
    }

    static final String[] COMMUNITIES = {"桂花", "枫林", "梧桐"};
    /** Buildings per grid (10 households each): 60 + 40 + 60 + 40 + 50 + 50 = 300 households. */
    static final int[] BUILDINGS_PER_GRID = {6, 4, 6, 4, 5, 5};
    /** Grids with a compound (小区) whose first four buildings belong to it. */
    static final Map<Integer, String> COMPOUNDS = Map.of(0, "桂花苑", 2, "枫林雅居", 5, "梧桐里");
    static final String[] ROADS = {"桂花路18号院", "丹桂街7号院", "枫林路26号院", "红枫巷3号院", "梧桐大道9号院", "凤栖路15号院"};
    static final String[] GRID_ORDINALS = {"第一", "第二"};

    final Connection c;
    final DemoContext ctx;
    final Random random;
    final DemoPeople people;
    /** The business day and the instant (with the zone's offset, for JDBC) the demo street is written at. */
    final LocalDate today;
    final OffsetDateTime now;

    Org street;
    final List<Org> communities = new ArrayList<>();
    final List<Org> grids = new ArrayList<>();
    final Map<Integer, Org> compoundBranches = new LinkedHashMap<>();
    final Map<Integer, Org> buildingGroups = new LinkedHashMap<>();   // by building index
    final List<Org> residentsCommittees = new ArrayList<>();
    final List<Org> volunteerTeams = new ArrayList<>();
    final List<Org> coBuildingUnits = new ArrayList<>();
    final List<Building> buildings = new ArrayList<>();
    final List<Household> households = new ArrayList<>();
    final List<Person> residents = new ArrayList<>();
    final List<Link> memberships = new ArrayList<>();

    DemoStreetWriter(Connection c, DemoContext ctx, BusinessCalendar calendar) {
        this.c = c;
        this.ctx = ctx;
        this.today = calendar.today();
        this.now = Times.local(calendar.now());
        this.random = ctx.random();
        this.people = new DemoPeople(random);
    }

    // ------------------------------------------------------------------ organizations

    Org org(Org parent, String kind, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with n as (select nextval(pg_get_serial_sequence('organization', 'id')) as id)
                insert into organization (id, tenant_id, parent_id, community_id, kind, name, path, depth, created_at, updated_at)
                select n.id, coalesce(cast(? as bigint), n.id), cast(? as bigint),
                       case when cast(? as varchar) = 'COMMUNITY_COMMITTEE' then n.id else cast(? as bigint) end,
                       ?, ?, cast(? as varchar) || n.id || '/', ?, cast(? as timestamptz), cast(? as timestamptz)
                from n returning id, path
                """)) {
            ps.setObject(1, parent == null ? null : street.id());
            ps.setObject(2, parent == null ? null : parent.id());
            ps.setString(3, kind);
            ps.setObject(4, parent == null ? null : parent.communityId());
            ps.setString(5, kind);
            ps.setString(6, name);
            ps.setString(7, parent == null ? "/" : parent.path());
            ps.setInt(8, parent == null ? 0 : parent.depth() + 1);
            ps.setObject(9, now);
            ps.setObject(10, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                Long community = "COMMUNITY_COMMITTEE".equals(kind) ? Long.valueOf(id) : parent == null ? null : parent.communityId();
                return new Org(id, rs.getString(2), parent == null ? 0 : parent.depth() + 1, community, kind, name);
            }
        }
    }

    // ------------------------------------------------------------------ bulk helpers

    /** Pre-allocates n ids of a table's identity sequence in one round trip. */
    long[] ids(String table, int n) throws SQLException {
        long[] out = new long[n];
        try (PreparedStatement ps = c.prepareStatement(
                "select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    out[i] = rs.getLong(1);
                }
            }
        }
        return out;
    }

    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    <T> void batch(String sql, List<T> rows, Binder<T> binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Array textArray(List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    <T> List<T> shuffled(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    LocalDate since(int maxYearsAgo) {
        return today.minusDays(30 + random.nextInt(Math.max(1, maxYearsAgo * 365 - 30)));
    }
}
