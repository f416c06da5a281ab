package org.gongzhi.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * A small street written straight into the test database, fresh for each test class that asks for one:
 * street > communities A and B > grids A1 and B1 > a building and households each, with personas whose
 * token subjects are unique to this street. Ids are the opaque GraphQL ids.
 */
public final class TestStreet {

    /** Fixture memberships start on this day (SQL literal), long before any day a test pins the clock to. */
    public static final String SINCE = "date '2020-01-01'";
    /** A membership (tenant, member, organization, role) since {@link #SINCE}: the database never defaults a business date. */
    public static final String INSERT_MEMBERSHIP = "insert into membership (tenant_id, member_id, organization_id, role, started_on) "
            + "values (?, ?, ?, ?, " + SINCE + ")";

    private static final AtomicInteger SEQ = new AtomicInteger();

    public final String tag;
    public final long streetId, communityA, communityB, gridA, gridB, buildingA, buildingB, householdA, householdB;
    public final long streetAdminId, adminAId, adminBId, gridWorkerAId, residentAId, residentBId, partyMemberAId;
    public final String streetAdmin, adminA, adminB, gridWorkerA, residentA, residentB, partyMemberA;

    private final DataSource ds;

    public TestStreet(DataSource ds) {
        this.ds = ds;
        this.tag = "t" + System.nanoTime() % 1_000_000 + "_" + SEQ.incrementAndGet();
        try (Connection c = ds.getConnection()) {
            streetId = org(c, null, "STREET_COMMITTEE", "测试街道" + tag);
            communityA = org(c, streetId, "COMMUNITY_COMMITTEE", "幸福社区" + tag);
            communityB = org(c, streetId, "COMMUNITY_COMMITTEE", "和谐社区" + tag);
            gridA = org(c, communityA, "GRID", "幸福第一网格" + tag);
            gridB = org(c, communityB, "GRID", "和谐第一网格" + tag);
            buildingA = building(c, gridA, communityA, "1号楼");
            buildingB = building(c, gridB, communityB, "9号楼");
            householdA = household(c, buildingA, gridA, communityA, "1-101");
            householdB = household(c, buildingB, gridB, communityB, "9-901");
            streetAdmin = "street-admin-" + tag;
            adminA = "admin-a-" + tag;
            adminB = "admin-b-" + tag;
            gridWorkerA = "grid-worker-a-" + tag;
            residentA = "resident-a-" + tag;
            residentB = "resident-b-" + tag;
            partyMemberA = "party-a-" + tag;
            streetAdminId = person(c, null, communityA, "街道管理员", streetAdmin, streetId, "ADMINISTRATOR");
            adminAId = person(c, null, communityA, "社区A管理员", adminA, communityA, "ADMINISTRATOR");
            adminBId = person(c, null, communityB, "社区B管理员", adminB, communityB, "ADMINISTRATOR");
            gridWorkerAId = person(c, null, communityA, "网格员甲", gridWorkerA, gridA, "GRID_WORKER");
            residentAId = person(c, householdA, communityA, "居民张三", residentA, communityA, "RESIDENT");
            residentBId = person(c, householdB, communityB, "居民李四", residentB, communityB, "RESIDENT");
            partyMemberAId = person(c, householdA, communityA, "党员王五", partyMemberA, gridA, "PARTY_MEMBER");
            exec(c, "update member set phone = '13812345678', id_number = '110101199003071234', address = '北京市朝阳区幸福路1号1-101' where id = ?",
                    residentAId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String id(String type, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + id).getBytes());
    }

    public static String orgId(long id) {
        return id("Organization", id);
    }

    public static String memberId(long id) {
        return id("Member", id);
    }

    public String token(String subject, String... roles) {
        return Tokens.of(subject, roles);
    }

    public String streetAdminToken() {
        return Tokens.of(streetAdmin, "street_admin");
    }

    public String adminAToken() {
        return Tokens.of(adminA, "community_admin");
    }

    public String adminBToken() {
        return Tokens.of(adminB, "community_admin");
    }

    public String gridWorkerAToken() {
        return Tokens.of(gridWorkerA, "grid_worker");
    }

    public String residentAToken() {
        return Tokens.of(residentA, "resident");
    }

    public String residentBToken() {
        return Tokens.of(residentB, "resident");
    }

    public String partyMemberAToken() {
        return Tokens.of(partyMemberA, "party_member", "resident");
    }

    /** Inserts an organization under a parent (or a root) with a correct materialized path. */
    public long organization(Long parent, String kind, String name) {
        try (Connection c = ds.getConnection()) {
            return org(c, parent, kind, name + tag);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long household(long building, long grid, long community, String door) {
        try (Connection c = ds.getConnection()) {
            return household(c, building, grid, community, door);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long org(Connection c, Long parent, String kind, String name) throws SQLException {
        long id = one(c, "insert into organization (tenant_id, parent_id, kind, name, path, depth) values (0, ?, ?, ?, ?, 0) returning id",
                parent, kind, name, "/tmp-" + System.nanoTime() + "/");
        if (parent == null) {
            exec(c, "update organization set tenant_id = id, path = '/' || id || '/', depth = 0 where id = ?", id);
        } else {
            exec(c, """
                    update organization o set tenant_id = p.tenant_id, path = p.path || o.id || '/', depth = p.depth + 1,
                           community_id = case when o.kind = 'COMMUNITY_COMMITTEE' then o.id else p.community_id end
                    from organization p where p.id = o.parent_id and o.id = ?
                    """, id);
        }
        return id;
    }

    private static long building(Connection c, long grid, long community, String name) throws SQLException {
        return one(c, "insert into building (tenant_id, grid_id, community_id, name) select tenant_id, ?, ?, ? from organization where id = ? returning id",
                grid, community, name, grid);
    }

    private static long household(Connection c, long building, long grid, long community, String door) throws SQLException {
        return one(c, """
                insert into household (tenant_id, building_id, grid_id, community_id, door_number, floor_area_sqm)
                select tenant_id, ?, ?, ?, ?, 89.5 from organization where id = ? returning id
                """, building, grid, community, door, grid);
    }

    private long person(Connection c, Long household, long community, String name, String subject, long org, String role)
            throws SQLException {
        long id = one(c, "insert into member (tenant_id, community_id, household_id, name) values (?, ?, ?, ?) returning id",
                streetId, community, household, name);
        exec(c, "insert into external_identity (member_id, kind, value) values (?, 'OIDC_SUBJECT', ?)", id, subject);
        exec(c, INSERT_MEMBERSHIP, streetId, id, org, role);
        return id;
    }

    static long one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
