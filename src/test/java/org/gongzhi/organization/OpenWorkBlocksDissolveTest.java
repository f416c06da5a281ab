package org.gongzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;
import static org.gongzhi.support.TestStreet.orgId;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.Sql;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Open work of the later features blocks dissolving an organization (each feature contributes an
 * OrganizationDissolveGuard): live resources it provides, running deliberations in its subtree or tasks it
 * owns, and published activities it organizes that have not ended. Once the work is finished it dissolves.
 */
@GraphQLTest
class OpenWorkBlocksDissolveTest {

    static final String DISSOLVE = OrganizationGraphQLApiTest.DISSOLVE;

    @Inject
    DataSource ds;

    TestStreet street;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
    }

    @Test
    void aLiveResourceBlocksItsProviderUntilRetired() throws SQLException {
        long ngo = street.organization(street.communityA, "SOCIAL_ORGANIZATION", "助老社工站");
        long resource;
        try (Connection c = ds.getConnection()) {
            String communityPath = (String) Sql.one(c, "select path from organization where id = ?", street.communityA);
            resource = ((Number) Sql.one(c, """
                    insert into resource (tenant_id, community_id, kind, name, categories, provider_org_id, coverage_org_id,
                                          coverage_path, coverage_depth, capacity_model, capacity, remaining, created_at, updated_at)
                    values (?, ?, 'SERVICE', '助餐', '{ELDERLY_MEAL}', ?, ?, ?, 1, 'UNITS', 5, 5, now(), now()) returning id""",
                    street.streetId, street.communityA, ngo, street.communityA, communityPath)).longValue();
        }
        assertRefused(ngo, "资源");
        try (Connection c = ds.getConnection()) {
            Sql.exec(c, "update resource set status = 'RETIRED' where id = ?", resource);
        }
        assertDissolved(ngo);
    }

    @Test
    void aRunningDeliberationOrAnOpenTaskBlocksUntilFinished() throws SQLException {
        long team = street.organization(street.communityA, "VOLUNTEER_TEAM", "议事志愿队");
        long deliberation;
        try (Connection c = ds.getConnection()) {
            String teamPath = (String) Sql.one(c, "select path from organization where id = ?", team);
            deliberation = ((Number) Sql.one(c, """
                    insert into deliberation (tenant_id, scope_org_id, scope_path, title, background, kind, stage,
                                              proposer_member_id, proposed_at, updated_at)
                    values (?, ?, ?, '活动室开放时间', '背景', 'RESIDENTS_COUNCIL', 'CONSULTING', ?, now(), now()) returning id""",
                    street.streetId, team, teamPath, street.residentAId)).longValue();
        }
        assertRefused(team, "议事");
        try (Connection c = ds.getConnection()) {
            Sql.exec(c, "update deliberation set stage = 'COMPLETED' where id = ?", deliberation);
            Sql.exec(c, """
                    insert into deliberation_task (deliberation_id, tenant_id, title, due_at, status, owner_org_id, created_at, updated_at)
                    values (?, ?, '更换门禁', now() + interval '7 days', 'OPEN', ?, now(), now())""",
                    deliberation, street.streetId, team);
        }
        assertRefused(team, "督办任务");
        try (Connection c = ds.getConnection()) {
            Sql.exec(c, "update deliberation_task set status = 'CANCELLED' where deliberation_id = ?", deliberation);
        }
        assertDissolved(team);
    }

    @Test
    void anUpcomingActivityBlocksItsOrganizerUntilItEnds() throws SQLException {
        long team = street.organization(street.communityA, "VOLUNTEER_TEAM", "党员先锋队");
        try (Connection c = ds.getConnection()) {
            String teamPath = (String) Sql.one(c, "select path from organization where id = ?", team);
            Sql.exec(c, """
                    insert into activity (tenant_id, organizer_org_id, organizer_path, kind, title, place, starts_at, ends_at, capacity,
                                          audience, audience_org_id, audience_path, check_in_code, points, service_minutes, created_at)
                    values (?, ?, ?, 'VOLUNTEER_SERVICE', '楼道清理', '3号楼', now() + interval '1 day', now() + interval '25 hours', 10,
                            'RESIDENTS', ?, ?, 'C0DE42', 5, 60, now())""",
                    street.streetId, team, teamPath, team, teamPath);
        }
        assertRefused(team, "活动");
        try (Connection c = ds.getConnection()) {
            Sql.exec(c, "update activity set status = 'CANCELLED', cancelled_at = now() where organizer_org_id = ?", team);
        }
        assertDissolved(team);
    }

    private void assertRefused(long organization, String reason) {
        JsonPath r = call(street.streetAdminToken(), DISSOLVE, vars("input", vars("organizationId", orgId(organization))));
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("INVALID_TRANSITION");
        assertThat(r.getString("errors[0].message")).contains(reason);
    }

    private void assertDissolved(long organization) {
        JsonPath r = call(street.streetAdminToken(), DISSOLVE, vars("input", vars("organizationId", orgId(organization))));
        assertThat(r.getString("data.dissolveOrganization.organization.status")).isEqualTo("DISSOLVED");
    }
}
