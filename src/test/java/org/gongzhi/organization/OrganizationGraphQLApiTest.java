package org.gongzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;
import static org.gongzhi.support.TestStreet.orgId;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

@GraphQLTest
class OrganizationGraphQLApiTest {

    static final String CREATE = """
            mutation($input: CreateOrganizationInput!) {
              createOrganization(input: $input) { organization { id kind name depth ancestors { name } } replayed }
            }""";
    static final String MOVE = """
            mutation($input: MoveOrganizationInput!) {
              moveOrganization(input: $input) { organization { id depth ancestors { id } } }
            }""";
    static final String DISSOLVE = """
            mutation($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { organization { status } } }""";

    @Inject
    DataSource ds;

    TestStreet street;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
    }

    @Test
    void shouldCreateAGridUnderTheAdministeredCommunity() {
        JsonPath r = call(street.adminAToken(), CREATE,
                vars("input", vars("parentId", orgId(street.communityA), "kind", "GRID", "name", "幸福第二网格")));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getString("data.createOrganization.organization.kind")).isEqualTo("GRID");
        assertThat(r.getInt("data.createOrganization.organization.depth")).isEqualTo(2);
        assertThat(r.getList("data.createOrganization.organization.ancestors.name", String.class))
                .containsExactly("测试街道" + street.tag, "幸福社区" + street.tag);
    }

    @Test
    void shouldRefuseAKindUnderTheWrongParent() {
        JsonPath r = call(street.streetAdminToken(), CREATE,
                vars("input", vars("parentId", orgId(street.streetId), "kind", "GRID", "name", "直属网格")));
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(r.getString("errors[0].extensions.field")).isEqualTo("kind");
        assertThat(r.getString("errors[0].message")).contains("COMMUNITY_COMMITTEE");
    }

    @Test
    void shouldRefuseAMoveThatWouldCreateACycle() {
        JsonPath r = call(street.streetAdminToken(), MOVE,
                vars("input", vars("organizationId", orgId(street.communityA), "newParentId", orgId(street.gridA))));
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(r.getString("errors[0].extensions.field")).isEqualTo("newParentId");
        assertThat(r.getString("errors[0].message")).contains("cycle");
        JsonPath tree = call(street.streetAdminToken(), "query($id: ID!) { organization(id: $id) { parent { id } } }",
                vars("id", orgId(street.communityA)));
        assertThat(tree.getString("data.organization.parent.id")).isEqualTo(orgId(street.streetId));
    }

    @Test
    void shouldMoveAWholeSubtreeToAnotherCommunity() {
        long group = street.organization(street.gridA, "BUILDING_GROUP", "1号楼党小组");
        JsonPath r = call(street.streetAdminToken(), MOVE,
                vars("input", vars("organizationId", orgId(street.gridA), "newParentId", orgId(street.communityB))));
        assertThat(r.getList("errors")).isNull();
        JsonPath moved = call(street.streetAdminToken(), "query($id: ID!) { organization(id: $id) { depth ancestors { id } } }",
                vars("id", orgId(group)));
        assertThat(moved.getList("data.organization.ancestors.id", String.class))
                .containsExactly(orgId(street.streetId), orgId(street.communityB), orgId(street.gridA));
        assertThat(moved.getInt("data.organization.depth")).isEqualTo(3);
        JsonPath underB = call(street.streetAdminToken(), "query($id: ID!) { organization(id: $id) { descendants(kind: BUILDING_GROUP) { totalCount } } }",
                vars("id", orgId(street.communityB)));
        assertThat(underB.getInt("data.organization.descendants.totalCount")).isEqualTo(1);
    }

    @Test
    void shouldRefuseToDissolveWhileChildrenOrMembersRemain() {
        JsonPath withChildren = call(street.streetAdminToken(), DISSOLVE, vars("input", vars("organizationId", orgId(street.communityA))));
        assertThat(withChildren.getString("errors[0].extensions.code")).isEqualTo("INVALID_TRANSITION");
        assertThat(withChildren.getString("errors[0].message")).contains("child");

        JsonPath withMembers = call(street.streetAdminToken(), DISSOLVE, vars("input", vars("organizationId", orgId(street.gridA))));
        assertThat(withMembers.getString("errors[0].extensions.code")).isEqualTo("INVALID_TRANSITION");

        long team = street.organization(street.communityA, "VOLUNTEER_TEAM", "红马甲志愿队");
        JsonPath empty = call(street.adminAToken(), DISSOLVE, vars("input", vars("organizationId", orgId(team))));
        assertThat(empty.getString("data.dissolveOrganization.organization.status")).isEqualTo("DISSOLVED");
    }

    @Test
    void shouldWarnAbove300AndRefuseAbove500Households() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into household (tenant_id, building_id, grid_id, community_id, door_number) select "
                    + street.streetId + ", " + street.buildingA + ", " + street.gridA + ", " + street.communityA
                    + ", 'g-' || i from generate_series(1, 300) i");
        }
        String add = """
                mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { doorNumber } warnings } }""";
        JsonPath at301 = call(street.adminAToken(), add, vars("input", vars("buildingId", TestStreet.id("Building", street.buildingA), "doorNumber", "2-201")));
        assertThat(at301.getList("data.createHousehold.warnings", String.class)).anyMatch(w -> w.contains("300"));
        JsonPath grid = call(street.adminAToken(), "query($id: ID!) { organization(id: $id) { householdCount warnings } }",
                vars("id", orgId(street.gridA)));
        assertThat(grid.getInt("data.organization.householdCount")).isEqualTo(302);
        assertThat(grid.getList("data.organization.warnings", String.class)).hasSize(1);

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into household (tenant_id, building_id, grid_id, community_id, door_number) select "
                    + street.streetId + ", " + street.buildingA + ", " + street.gridA + ", " + street.communityA
                    + ", 'h-' || i from generate_series(1, 198) i");
        }
        JsonPath at501 = call(street.adminAToken(), add, vars("input", vars("buildingId", TestStreet.id("Building", street.buildingA), "doorNumber", "2-202")));
        assertThat(at501.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(at501.getString("errors[0].message")).contains("500");
        JsonPath after = call(street.adminAToken(), "query($id: ID!) { organization(id: $id) { householdCount } }", vars("id", orgId(street.gridA)));
        assertThat(after.getInt("data.organization.householdCount")).isEqualTo(500);
    }

    @Test
    void shouldFindOrganizationsByChineseSubstringAndKind() {
        JsonPath r = call(street.streetAdminToken(), """
                query($under: ID!) { organizations(underId: $under, nameContains: "和谐", kind: GRID) { totalCount edges { node { name } } } }""",
                vars("under", orgId(street.streetId)));
        assertThat(r.getInt("data.organizations.totalCount")).isEqualTo(1);
        assertThat(r.getString("data.organizations.edges[0].node.name")).startsWith("和谐第一网格");
    }

    @Test
    void shouldPageThroughChildrenWithOpaqueCursorsAndClampThePageSize() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into organization (tenant_id, parent_id, community_id, kind, name, path, depth) select "
                    + street.streetId + ", " + street.communityA + ", " + street.communityA + ", 'VOLUNTEER_TEAM', '队' || i, "
                    + "'/x" + street.tag + "/' || i || '/', 2 from generate_series(1, 120) i");
        }
        String q = """
                query($id: ID!, $first: Int, $after: String) {
                  organization(id: $id) { children(first: $first, after: $after) {
                    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { name } } } }
                }""";
        JsonPath page1 = call(street.adminAToken(), q, vars("id", orgId(street.communityA), "first", 2));
        assertThat(page1.getInt("data.organization.children.totalCount")).isEqualTo(121);
        assertThat(page1.getList("data.organization.children.edges")).hasSize(2);
        assertThat(page1.getBoolean("data.organization.children.pageInfo.hasNextPage")).isTrue();
        assertThat(page1.getBoolean("data.organization.children.pageInfo.hasPreviousPage")).isFalse();
        String cursor = page1.getString("data.organization.children.pageInfo.endCursor");

        JsonPath page2 = call(street.adminAToken(), q, vars("id", orgId(street.communityA), "first", 2, "after", cursor));
        assertThat(page2.getString("data.organization.children.edges[0].cursor")).isNotEqualTo(cursor);
        assertThat(page2.getBoolean("data.organization.children.pageInfo.hasPreviousPage")).isTrue();

        JsonPath clamped = call(street.adminAToken(), q, vars("id", orgId(street.communityA), "first", 1000));
        assertThat(clamped.getList("data.organization.children.edges")).hasSize(100);

        JsonPath last = call(street.adminAToken(), q, vars("id", orgId(street.communityA), "first", 100,
                "after", clamped.getString("data.organization.children.pageInfo.endCursor")));
        assertThat(last.getList("data.organization.children.edges")).hasSize(21);
        assertThat(last.getBoolean("data.organization.children.pageInfo.hasNextPage")).isFalse();

        JsonPath zero = call(street.adminAToken(), q, vars("id", orgId(street.communityA), "first", 0));
        assertThat(zero.getList("data.organization.children.edges")).isEmpty();

        JsonPath negative = call(street.adminAToken(), q, vars("id", orgId(street.communityA), "first", -1));
        assertThat(negative.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        JsonPath badCursor = call(street.adminAToken(), q, vars("id", orgId(street.communityA), "first", 2, "after", "not-a-cursor"));
        assertThat(badCursor.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void shouldReplayAMutationRetriedWithTheSameIdempotencyKey() throws Exception {
        Map<String, Object> input = vars("parentId", orgId(street.communityA), "kind", "VOLUNTEER_TEAM", "name", "银龄志愿队",
                "idempotencyKey", "retry-" + street.tag);
        JsonPath first = call(street.adminAToken(), CREATE, vars("input", input));
        JsonPath retry = call(street.adminAToken(), CREATE, vars("input", input));
        assertThat(first.getBoolean("data.createOrganization.replayed")).isFalse();
        assertThat(retry.getBoolean("data.createOrganization.replayed")).isTrue();
        assertThat(retry.getString("data.createOrganization.organization.id"))
                .isEqualTo(first.getString("data.createOrganization.organization.id"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from organization where name = '银龄志愿队'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        Map<String, Object> changed = vars("parentId", orgId(street.communityA), "kind", "VOLUNTEER_TEAM", "name", "另一个队",
                "idempotencyKey", "retry-" + street.tag);
        JsonPath misuse = call(street.adminAToken(), CREATE, vars("input", changed));
        assertThat(misuse.getString("errors[0].extensions.code")).isEqualTo("CONFLICT");
        assertThat(misuse.getString("errors[0].extensions.field")).isEqualTo("idempotencyKey");
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyActOnce() throws Exception {
        Map<String, Object> input = vars("parentId", orgId(street.communityA), "kind", "VOLUNTEER_TEAM", "name", "并发志愿队",
                "idempotencyKey", "burst-" + street.tag);
        String token = street.adminAToken();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<JsonPath>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> call(token, CREATE, vars("input", input))));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            int fresh = 0;
            for (var f : calls) {
                JsonPath r = f.get();
                assertThat(r.getList("errors")).isNull();
                ids.add(r.getString("data.createOrganization.organization.id"));
                fresh += r.getBoolean("data.createOrganization.replayed") ? 0 : 1;
            }
            assertThat(ids).hasSize(1);
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from organization where name = '并发志愿队'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void placementTableCoversEveryKindAndOnlyTheStreetIsARoot() {
        assertThat(OrganizationPlacementRule.ALLOWED_PARENTS.keySet()).containsExactlyInAnyOrder(OrganizationKind.values());
        List<OrganizationKind> roots = OrganizationPlacementRule.ALLOWED_PARENTS.entrySet().stream()
                .filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        assertThat(roots).containsExactly(OrganizationKind.STREET_COMMITTEE);
        assertThat(OrganizationPlacementRule.allows(OrganizationKind.BUILDING_GROUP, OrganizationKind.COMPOUND_BRANCH)).isTrue();
        assertThat(OrganizationPlacementRule.allows(OrganizationKind.DEPARTMENT, OrganizationKind.COMMUNITY_COMMITTEE)).isFalse();
    }
}
