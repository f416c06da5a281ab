package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;
import static org.gongzhi.support.TestStreet.orgId;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * organization → children → members → household issues the same number of SQL statements whether the
 * nested lists hold 5 rows or 500: every level is one batched query, never one per parent.
 */
@GraphQLTest
class NoNPlusOneTest {

    static final String TREE = """
            query($id: ID!) {
              organization(id: $id) {
                name
                children(first: 100) { totalCount edges { node {
                  name kind householdCount
                  members(first: 100) { totalCount edges { node { name household { doorNumber building { name } } partyProfile { standing } } } }
                } } }
              }
            }""";

    @Inject
    DataSource ds;

    @Inject
    EntityManagerFactory emf;

    @Test
    void nestedTreeQueryIssuesABoundedNumberOfStatements() throws Exception {
        TestStreet small = new TestStreet(ds);
        long smallRoot = populate(small, 5, 1);
        TestStreet large = new TestStreet(ds);
        long largeRoot = populate(large, 5, 100);

        long smallCount = statementsFor(small.streetAdminToken(), smallRoot, 5);
        long largeCount = statementsFor(large.streetAdminToken(), largeRoot, 500);

        assertThat(largeCount).isEqualTo(smallCount);
        assertThat(largeCount).isLessThanOrEqualTo(15);
    }

    private long statementsFor(String token, long root, int expectedMembers) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        JsonPath r = call(token, TREE, vars("id", orgId(root)));
        long statements = stats.getPrepareStatementCount();
        assertThat(r.getList("errors")).isNull();
        int members = 0;
        for (int i = 0; i < r.getList("data.organization.children.edges").size(); i++) {
            members += r.getList("data.organization.children.edges[" + i + "].node.members.edges").size();
        }
        assertThat(members).isEqualTo(expectedMembers);
        return statements;
    }

    /** A community under the street with {@code grids} grids, each with {@code perGrid} members in households. */
    private long populate(TestStreet street, int grids, int perGrid) throws Exception {
        long community = street.organization(street.streetId, "COMMUNITY_COMMITTEE", "N+1社区");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int g = 0; g < grids; g++) {
                long grid = street.organization(community, "GRID", "N+1网格" + g);
                s.execute("insert into building (tenant_id, grid_id, community_id, name) values (" + street.streetId + ", " + grid
                        + ", " + community + ", 'B" + g + "')");
                s.execute("insert into household (tenant_id, building_id, grid_id, community_id, door_number) select " + street.streetId
                        + ", b.id, " + grid + ", " + community + ", 'D' || i from building b, generate_series(1, " + perGrid
                        + ") i where b.grid_id = " + grid);
                s.execute("insert into member (tenant_id, community_id, household_id, name) select " + street.streetId + ", " + community
                        + ", h.id, '居民' || h.door_number from household h where h.grid_id = " + grid);
                s.execute("insert into membership (tenant_id, member_id, organization_id, role, started_on) select " + street.streetId
                        + ", m.id, " + grid + ", 'RESIDENT', " + TestStreet.SINCE
                        + " from member m join household h on h.id = m.household_id where h.grid_id = " + grid);
            }
        }
        return community;
    }
}
