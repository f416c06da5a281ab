package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.engagement.EngagementFixture.gql;
import static org.gongzhi.engagement.EngagementFixture.input;
import static org.gongzhi.engagement.EngagementFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.gongzhi.engagement.EngagementFixture.Person;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * activities → organizer, counts, my sign-up → sign-ups → member → household issues the same number of SQL
 * statements for 2 activities of 2 sign-ups as for 12 activities of 15: every level is one batched query.
 */
@GraphQLTest
class EngagementNoNPlusOneTest {

    static final String NESTED = """
            query($under: ID!) { activities(underId: $under, first: 50) { totalCount edges { node {
              title organizer { name } audienceScope { name } checkInCode waitlistCount attendedCount mySignup { status }
              signups(first: 50) { totalCount edges { node { status member { name household { doorNumber } } activity { title } } } }
            } } } }""";

    @Inject
    DataSource ds;
    @Inject
    EntityManagerFactory emf;

    @Test
    void nestedActivityListsIssueABoundedNumberOfStatements() {
        TestStreet small = new TestStreet(ds);
        populate(small, 2, 2);
        TestStreet large = new TestStreet(ds);
        populate(large, 12, 15);
        long smallCount = statements(small, 4);
        long largeCount = statements(large, 180);
        assertThat(largeCount).isEqualTo(smallCount);
        assertThat(largeCount).isLessThanOrEqualTo(20);
    }

    private void populate(TestStreet street, int activities, int perActivity) {
        EngagementFixture fx = new EngagementFixture(ds, street);
        List<Person> people = fx.members(perActivity, "N+1成员", "RESIDENT", "resident");
        for (int i = 0; i < activities; i++) {
            String a = ok(gql(street.adminAToken(), ActivityTest.CREATE, input("organizerId", TestStreet.orgId(street.communityA),
                    "kind", "PARTY_DAY", "title", "活动" + i, "place", "会议室", "startsAt", ActivityTest.at(60 + i), "endsAt",
                    ActivityTest.at(120 + i), "capacity", 100, "audience", "RESIDENTS"))).getString("data.createActivity.activity.id");
            for (Person p : people) {
                fx.exec("""
                        insert into activity_signup (tenant_id, activity_id, member_id, status, signed_up_at, queued_at, confirmed_at)
                        values (?, ?, ?, 'CONFIRMED', now(), now(), now())
                        """, street.streetId, EngagementFixture.dbId(a), p.id());
            }
        }
    }

    private long statements(TestStreet street, int expectedSignups) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        JsonPath r = ok(gql(street.adminAToken(), NESTED, vars("under", TestStreet.orgId(street.communityA))));
        long count = stats.getPrepareStatementCount();
        int signups = 0;
        for (int i = 0; i < r.getList("data.activities.edges").size(); i++) {
            signups += r.getList("data.activities.edges[" + i + "].node.signups.edges").size();
        }
        assertThat(signups).isEqualTo(expectedSignups);
        return count;
    }
}
