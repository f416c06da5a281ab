package org.gongzhi.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.need.NeedFixture.code;
import static org.gongzhi.need.NeedFixture.mutate;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The three screens: requester, handler inbox, office overview — scope, order, filters, paging, statement counts. */
@GraphQLTest
class NeedScreensTest {

    static final String MY_NEEDS = """
            query($first: Int, $after: String) { myNeeds(first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { node { id title status respondBy resolveBy overdue } } } }""";

    static final String INBOX = """
            query($filter: NeedInboxFilter, $first: Int, $after: String) {
              needInbox(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { node { id title urgency status nextDeadline overdue
                  reporter { name } beneficiary { name } place { name } responsibleOrganization { name }
                  timeline(first: 3) { totalCount edges { node { kind actor { name } organization { name } } } } } } } }""";

    @Inject
    DataSource ds;
    @Inject
    TimeSource time;
    @Inject
    EntityManagerFactory emf;

    TestStreet street;
    NeedFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new NeedFixture(ds, street);
    }

    @AfterEach
    void clock() {
        time.reset();
    }

    @Test
    void myNeedsListsWhatIReportedAndWhatWasReportedForMeNewestFirstInPages() {
        String a = fx.submitPersonal("需要助餐");
        String b = fx.submitPersonal("需要助浴");
        String proxied = fx.submit(street.gridWorkerAToken(), vars("title", "代办：老人配药", "description", "网格员代为反映",
                "category", "ELDERLY_MEDICAL", "kind", "PERSONAL_REQUEST", "channel", "PROXY",
                "beneficiaryId", TestStreet.memberId(street.residentAId)));
        fx.submit(street.residentBToken(), vars("title", "别人的需求", "description", "李四的", "category", "HEALTH", "kind", "PERSONAL_REQUEST"));

        JsonPath page1 = call(street.residentAToken(), MY_NEEDS, vars("first", 2));
        assertThat(page1.getInt("data.myNeeds.totalCount")).isEqualTo(3);
        assertThat(page1.getList("data.myNeeds.edges.node.id", String.class)).containsExactly(proxied, b);
        assertThat(page1.getBoolean("data.myNeeds.pageInfo.hasNextPage")).isTrue();
        JsonPath page2 = call(street.residentAToken(), MY_NEEDS, vars("first", 2, "after", page1.getString("data.myNeeds.pageInfo.endCursor")));
        assertThat(page2.getList("data.myNeeds.edges.node.id", String.class)).containsExactly(a);
        assertThat(page2.getBoolean("data.myNeeds.pageInfo.hasNextPage")).isFalse();
        assertThat(page1.getString("data.myNeeds.edges[0].node.respondBy")).endsWith("+08:00");
    }

    @Test
    void theInboxShowsMyScopeOnlyNearestDeadlineFirstAndFiltersOverdue() {
        String normal = fx.submitPersonal("普通需求");
        String emergency = fx.submit(street.residentAToken(), vars("title", "燃气泄漏", "description", "闻到煤气味",
                "category", "SAFETY_HAZARD", "urgency", "EMERGENCY", "kind", "PERSONAL_REQUEST"));
        String low = fx.submit(street.residentAToken(), vars("title", "咨询就业", "description", "想找工作",
                "category", "EMPLOYMENT", "urgency", "LOW", "kind", "PERSONAL_REQUEST"));
        String otherGrid = fx.submit(street.residentBToken(), vars("title", "B网格的私人诉求", "description", "隐私",
                "category", "LEGAL", "kind", "PERSONAL_REQUEST"));

        JsonPath r = call(street.gridWorkerAToken(), INBOX, vars());
        assertThat(r.getList("errors")).isNull();
        List<String> ids = r.getList("data.needInbox.edges.node.id", String.class);
        assertThat(ids).contains(normal, emergency, low).doesNotContain(otherGrid);
        assertThat(ids.get(0)).isEqualTo(emergency); // respond within 1 h
        // a grid worker of grid A cannot open the private need of grid B
        assertThat(code(call(street.gridWorkerAToken(), "query($id: ID!) { need(id: $id) { id } }", vars("id", otherGrid))))
                .isEqualTo("FORBIDDEN");
        // ...nor can a resident of community A
        assertThat(code(call(street.residentAToken(), "query($id: ID!) { need(id: $id) { id } }", vars("id", otherGrid))))
                .isEqualTo("FORBIDDEN");

        time.advance(Duration.ofHours(2));
        JsonPath overdue = call(street.gridWorkerAToken(), INBOX, vars("filter", vars("overdue", true)));
        assertThat(overdue.getList("errors")).isNull();
        assertThat(overdue.getList("data.needInbox.edges.node.id", String.class)).containsExactly(emergency);
        assertThat(overdue.getBoolean("data.needInbox.edges[0].node.overdue")).isTrue();
        JsonPath byUrgency = call(street.gridWorkerAToken(), INBOX, vars("filter", vars("urgency", "LOW")));
        assertThat(byUrgency.getList("data.needInbox.edges.node.id", String.class)).containsExactly(low);
        JsonPath byCategory = call(street.gridWorkerAToken(), INBOX, vars("filter", vars("category", "ELDERLY_MEAL")));
        assertThat(byCategory.getList("data.needInbox.edges.node.id", String.class)).containsExactly(normal);

        // pages follow the deadline order without gaps or repeats
        JsonPath p1 = call(street.gridWorkerAToken(), INBOX, vars("first", 2));
        JsonPath p2 = call(street.gridWorkerAToken(), INBOX, vars("first", 2, "after", p1.getString("data.needInbox.pageInfo.endCursor")));
        assertThat(p1.getList("data.needInbox.edges.node.id", String.class)).containsExactly(emergency, normal);
        assertThat(p2.getList("data.needInbox.edges.node.id", String.class)).containsExactly(low);
        assertThat(code(call(street.gridWorkerAToken(), INBOX, vars("after", "garbage!")))).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOfficeOverviewCountsByStatusAndOverduePerChildOrganization() {
        String a1 = fx.submitPersonal("A社区需求一");
        fx.submitPersonal("A社区需求二");
        mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", a1));
        fx.submit(street.residentBToken(), vars("title", "B社区需求", "description", "B", "category", "HEALTH", "kind", "PERSONAL_REQUEST"));
        time.advance(Duration.ofHours(25)); // the SUBMITTED ones missed their respond deadline

        JsonPath r = call(street.streetAdminToken(), """
                query($id: ID!) { needOverview(organizationId: $id) {
                  counts { total open overdue }
                  children { totalCount edges { node { organization { id name } counts { total open overdue escalated
                    byStatus { status count } } } } } } }""", vars("id", TestStreet.orgId(street.streetId)));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getInt("data.needOverview.counts.total")).isEqualTo(3);
        assertThat(r.getInt("data.needOverview.counts.overdue")).isEqualTo(2);
        List<Map<String, Object>> rows = r.getList("data.needOverview.children.edges.node");
        Map<String, Object> a = rows.stream().filter(m -> ((Map<?, ?>) m.get("organization")).get("id").equals(TestStreet.orgId(street.communityA))).findFirst().orElseThrow();
        Map<?, ?> countsA = (Map<?, ?>) a.get("counts");
        assertThat(countsA.get("total")).isEqualTo(2);
        assertThat(countsA.get("overdue")).isEqualTo(1);
        assertThat((List<Object>) countsA.get("byStatus")).contains((Object) Map.of("status", "ACCEPTED", "count", 1), (Object) Map.of("status", "SUBMITTED", "count", 1));

        // a community administrator may look at their community, not at the street
        assertThat(code(call(street.adminAToken(), "query($id: ID!) { needOverview(organizationId: $id) { counts { total } } }",
                vars("id", TestStreet.orgId(street.streetId))))).isEqualTo("FORBIDDEN");
        assertThat(call(street.adminAToken(), "query($id: ID!) { needOverview(organizationId: $id) { counts { total } } }",
                vars("id", TestStreet.orgId(street.communityA))).getInt("data.needOverview.counts.total")).isEqualTo(2);
    }

    @Test
    void theInboxIssuesTheSameNumberOfStatementsForThreeNeedsAsForTwelve() {
        for (int i = 0; i < 3; i++) {
            noted(fx.submit(street.residentAToken(), vars("title", "健康咨询" + i, "description", "d", "category", "HEALTH", "kind", "PERSONAL_REQUEST")));
        }
        for (int i = 0; i < 12; i++) {
            noted(fx.submit(street.gridWorkerAToken(), vars("title", "环境问题" + i, "description", "d", "category", "ENVIRONMENT",
                    "kind", "PUBLIC_ISSUE", "channel", "GRID_PATROL", "placeId", TestStreet.orgId(street.gridA))));
        }
        long small = statements(() -> {
            JsonPath r = call(street.gridWorkerAToken(), INBOX, vars("filter", vars("category", "HEALTH")));
            assertThat(r.getList("errors")).isNull();
            assertThat(r.getList("data.needInbox.edges")).hasSize(3);
            assertThat(r.getString("data.needInbox.edges[0].node.timeline.edges[1].node.actor.name")).isEqualTo("网格员甲");
        });
        long large = statements(() -> {
            JsonPath r = call(street.gridWorkerAToken(), INBOX, vars("filter", vars("category", "ENVIRONMENT")));
            assertThat(r.getList("data.needInbox.edges")).hasSize(12);
        });
        assertThat(large).isEqualTo(small);
        assertThat(small).isLessThan(20);
    }

    private void noted(String id) {
        mutate(street.gridWorkerAToken(), "addNeedNote", vars("needId", id, "note", "已电话联系"));
    }

    private long statements(Runnable request) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        request.run();
        return stats.getPrepareStatementCount();
    }
}
