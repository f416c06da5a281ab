package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.engagement.EngagementFixture.gql;
import static org.gongzhi.engagement.EngagementFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.time.YearMonth;
import java.time.ZoneId;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.demo.DemoDataLoader;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.gongzhi.support.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The demo street has a month of activities, check-ins, ledger history, rewards, visits and compliance gaps. */
@GraphQLTest
class EngagementDemoDataTest {

    @Inject
    DataSource ds;
    @Inject
    DemoDataLoader loader;

    @Test
    void theDemoStreetShowsAMonthOfEngagementWithComplianceGaps() {
        loader.loadDemoStreetIfAbsent();
        EngagementFixture fx = new EngagementFixture(ds, null);
        long street = fx.count("""
                select o.tenant_id from external_identity i join membership ms on ms.member_id = i.member_id
                join organization o on o.id = ms.organization_id
                where i.kind = 'OIDC_SUBJECT' and i.value = 'demo-street-admin' and ms.role = 'ADMINISTRATOR'""");
        assertThat(fx.count("select count(*) from activity where tenant_id = ? and starts_at < now() - interval '20 days'", street)).isPositive();
        assertThat(fx.count("select count(*) from activity where tenant_id = ? and starts_at > now()", street)).isPositive();
        assertThat(fx.count("select count(distinct kind) from activity where tenant_id = ?", street)).isEqualTo(4);
        assertThat(fx.count("select count(*) from activity_signup where tenant_id = ? and checked_in_at is not null", street)).isGreaterThan(20);
        assertThat(fx.count("select count(*) from activity_signup where tenant_id = ? and status = 'WAITLISTED'", street)).isPositive();
        assertThat(fx.count("select count(distinct kind) from ledger_transfer where tenant_id = ?", street)).isGreaterThanOrEqualTo(3);
        assertThat(fx.count("select coalesce(sum(m.amount), 0) from ledger_movement m join ledger_transfer t on t.id = m.transfer_id"
                + " where t.tenant_id = ?", street)).isZero();
        assertThat(fx.count("select count(*) from reward_redemption where tenant_id = ?", street)).isPositive();
        assertThat(fx.count("select count(*) from household_visit where tenant_id = ?", street)).isPositive();
        assertThat(fx.count("select count(*) from member where tenant_id = ? and leaderboard_opt_out", street)).isPositive();

        JsonPath me = ok(gql(Tokens.of("demo-party-member", "party_member", "resident"),
                "{ myPoints myHours myLedger(first: 5) { totalCount } myDualRegistration { community { name } } }", vars()));
        assertThat(me.getInt("data.myPoints")).isPositive();
        assertThat(me.getInt("data.myLedger.totalCount")).isPositive();
        assertThat(me.getString("data.myDualRegistration.community.name")).isNotBlank();

        String last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        JsonPath office = ok(gql(Tokens.of("demo-street-admin", "street_admin"), """
                query($org: ID!, $month: String!) { dualRegistrationCompliance(organizationId: $org, month: $month) {
                  registeredCount compliantCount } engagementOverview(organizationId: $org, month: $month) { activities attendances }
                  visitCoverage(organizationId: $org, month: $month) { linkedHouseholds visitedHouseholds } }""",
                vars("org", TestStreet.orgId(street), "month", last)));
        int registered = office.getInt("data.dualRegistrationCompliance.registeredCount");
        assertThat(registered).isPositive();
        assertThat(office.getInt("data.dualRegistrationCompliance.compliantCount")).isPositive().isLessThan(registered);
        assertThat(office.getList("data.visitCoverage.visitedHouseholds", Integer.class).stream().mapToInt(i -> i).sum()).isPositive();
    }
}
