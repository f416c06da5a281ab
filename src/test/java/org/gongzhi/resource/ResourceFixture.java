package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.gongzhi.support.TestStreet;

import io.restassured.path.json.JsonPath;

/** Builds resources and needs for tests: resources through the real API, needs in bulk by SQL. */
final class ResourceFixture {

    static final String CREATE = """
            mutation($input: CreateResourceInput!) {
              createResource(input: $input) { resource { id kind name categories capacityModel capacity remaining status openAllocations } replayed }
            }""";
    static final String ALLOCATE = """
            mutation($input: AllocateResourceInput!) {
              allocateResource(input: $input) {
                allocation { id status units amountFen slotStart slotEnd purpose }
                resource { id remaining openAllocations } replayed }
            }""";
    static final String RELEASE = """
            mutation($input: AllocationStepInput!) {
              releaseAllocation(input: $input) { allocation { id status } resource { remaining openAllocations } } }""";
    static final String CONSUME = """
            mutation($input: AllocationStepInput!) {
              consumeAllocation(input: $input) { allocation { id status } resource { remaining openAllocations } } }""";

    final DataSource ds;
    final TestStreet street;

    ResourceFixture(DataSource ds, TestStreet street) {
        this.ds = ds;
        this.street = street;
    }

    /** A resource created by the street administrator; extra input fields override the defaults. */
    String create(Map<String, Object> input) {
        JsonPath r = call(street.streetAdminToken(), CREATE, vars("input", input));
        assertThat(r.getList("errors")).as("createResource errors").isNull();
        return r.getString("data.createResource.resource.id");
    }

    /** A UNITS service of a provider organization covering the street. */
    String service(String name, long capacity, String... categories) {
        long provider = street.organization(street.streetId, "SOCIAL_ORGANIZATION", name + "提供方");
        return create(vars("kind", "SERVICE", "name", name, "categories", List.of(categories.length == 0 ? new String[] {"ELDERLY_MEAL"} : categories),
                "providerOrganizationId", TestStreet.orgId(provider), "coverageId", TestStreet.orgId(street.streetId),
                "capacity", capacity));
    }

    /** A venue of community A without a schedule (always open), booked by slots. */
    String venue(String name) {
        return create(vars("kind", "VENUE", "name", name, "categories", List.of("OTHER"),
                "providerOrganizationId", TestStreet.orgId(street.communityA), "coverageId", TestStreet.orgId(street.communityA)));
    }

    /** {@code n} open (ACCEPTED) needs of resident A in grid A, straight into the table. */
    List<String> needs(int n, String category) {
        List<String> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into need (tenant_id, community_id, place_org_id, place_path, household_id, title, description, category, urgency,
                                  kind, channel, visibility, status, reporter_member_id, requester_member_id, responsible_org_id,
                                  responsible_path, submitted_at, respond_by, resolve_by, next_deadline, updated_at)
                select o.tenant_id, ?, o.id, o.path, ?, '需求' || i, '测试需求', ?, 'NORMAL', 'PERSONAL_REQUEST', 'MINI_PROGRAM',
                       'PRIVATE', 'ACCEPTED', ?, ?, o.id, o.path, now(), now() + interval '1 day', now() + interval '3 days',
                       now() + interval '3 days', now()
                from organization o, generate_series(1, ?) i where o.id = ? returning id
                """)) {
            ps.setLong(1, street.communityA);
            ps.setLong(2, street.householdA);
            ps.setString(3, category);
            ps.setLong(4, street.residentAId);
            ps.setLong(5, street.residentAId);
            ps.setInt(6, n);
            ps.setLong(7, street.gridA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(TestStreet.id("Need", rs.getLong(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    static JsonPath allocate(String token, Map<String, Object> input) {
        return call(token, ALLOCATE, vars("input", input));
    }

    static String code(JsonPath r) {
        return r.getString("errors[0].extensions.code");
    }

    static long dbId(String globalId) {
        String raw = new String(java.util.Base64.getUrlDecoder().decode(globalId));
        return Long.parseLong(raw.substring(raw.indexOf(':') + 1));
    }

    Object one(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void exec(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... args) {
        return ((Number) one(sql, args)).longValue();
    }
}
