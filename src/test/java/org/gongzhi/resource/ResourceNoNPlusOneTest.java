package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The resource list with its nested fields, and the handler's inbox with matches for every need, issue the same
 * number of SQL statements for 3 rows as for 30: every level is one batched query.
 */
@GraphQLTest
class ResourceNoNPlusOneTest {

    static final String POOL = """
            { resources(first: 100, filter: {statuses: [ACTIVE]}) { totalCount edges { node {
                id name providerOrganization { name } providerMember { name } coverage { name }
                availability { weekly { weekday opens } exceptions { date } }
                allocations(first: 5) { totalCount edges { node { status units amountFen resource { name } need { title } } } }
                fundReport { spentFen entries { amountFen } }
            } } } }""";
    static final String INBOX = """
            { needInbox(first: 100) { edges { node { id title
                resourceAllocations { id status }
                matches(first: 3) { score components { trackRecord } resource { name coverage { name } providerOrganization { name } } }
            } } } }""";

    @Inject
    DataSource ds;
    @Inject
    EntityManagerFactory emf;
    @Inject
    TimeSource time;

    @BeforeEach
    void clock() {
        time.reset();
    }

    @Test
    void theResourceListIsBatched() {
        TestStreet small = populate(3);
        TestStreet large = populate(30);
        long smallCount = statements(small.streetAdminToken(), POOL, "data.resources.edges", 3 * 2);
        long largeCount = statements(large.streetAdminToken(), POOL, "data.resources.edges", 30 * 2);
        assertThat(smallCount).as("statistics are on").isPositive();
        assertThat(largeCount).isEqualTo(smallCount);
        assertThat(largeCount).isLessThanOrEqualTo(20);
    }

    @Test
    void matchesOfAWholeInboxAreOneQuery() {
        TestStreet small = populate(3);
        TestStreet large = populate(30);
        long smallCount = statements(small.gridWorkerAToken(), INBOX, "data.needInbox.edges", 3);
        long largeCount = statements(large.gridWorkerAToken(), INBOX, "data.needInbox.edges", 30);
        assertThat(smallCount).as("statistics are on").isPositive();
        assertThat(largeCount).isEqualTo(smallCount);
        assertThat(largeCount).isLessThanOrEqualTo(20);
    }

    private long statements(String token, String query, String listPath, int expected) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        JsonPath r = call(token, query, vars());
        long count = stats.getPrepareStatementCount();
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getList(listPath)).hasSize(expected);
        return count;
    }

    /** A street with {@code n} services and {@code n} funds (each with an allocation) and {@code n} open needs in grid A. */
    private TestStreet populate(int n) {
        TestStreet street = new TestStreet(ds);
        ResourceFixture fx = new ResourceFixture(ds, street);
        List<String> needs = fx.needs(n, "ELDERLY_MEAL");
        for (int i = 0; i < n; i++) {
            long provider = street.organization(street.streetId, "SOCIAL_ORGANIZATION", "服务社" + i);
            fx.exec("""
                    insert into resource (tenant_id, kind, name, categories, provider_org_id, coverage_org_id, coverage_path, coverage_depth,
                                          capacity_model, capacity, remaining, created_at, updated_at)
                    select tenant_id, k, k || ?, '{ELDERLY_MEAL}', ?, id, path, depth, m, 100, 100, now(), now()
                    from organization, (values ('SERVICE', 'UNITS'), ('FUND', 'MONEY')) x(k, m) where id = ?
                    """, "-" + i, provider, street.gridA);
            fx.exec("""
                    insert into resource_allocation (tenant_id, resource_id, need_id, units, amount_fen, created_at, updated_at)
                    select tenant_id, id, ?, case when kind = 'SERVICE' then 1 end, case when kind = 'FUND' then 10 end, now(), now()
                    from resource where provider_org_id = ?
                    """, ResourceFixture.dbId(needs.get(i)), provider);
            fx.exec("insert into resource_window (resource_id, weekday, opens, closes) select id, 1, '08:00', '12:00' from resource where provider_org_id = ?",
                    provider);
        }
        return street;
    }
}
