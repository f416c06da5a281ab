package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.engagement.EngagementFixture.code;
import static org.gongzhi.engagement.EngagementFixture.gql;
import static org.gongzhi.engagement.EngagementFixture.input;
import static org.gongzhi.engagement.EngagementFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.engagement.EngagementFixture.Person;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** 双报到: registration with a post, service records that post once, and the compliance report on crafted months. */
@GraphQLTest
class DualRegistrationTest {

    static final String REGISTER = """
            mutation($input: RegisterDualInput!) { registerDual(input: $input) { registration { id postResourceId registeredOn
              community { name } homeBranch { name } } replayed } }""";
    static final String SERVE = """
            mutation($input: RecordDualServiceInput!) { recordDualService(input: $input) { service { id servedOn minutes collective } } }""";
    static final String COMPLIANCE = """
            query($org: ID!, $month: String!) { dualRegistrationCompliance(organizationId: $org, month: $month, first: 50) {
              month registeredCount servedCount collectiveCount compliantCount complianceRate
              rows { totalCount edges { node { member { name } community { name } homeBranch { name } floating
                servicesThisMonth servedThisMonth collectiveThisQuarter compliant } } } } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    EngagementFixture fx;
    /** The three months of the last completed quarter. */
    YearMonth m1, m2, m3;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new EngagementFixture(ds, street);
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        YearMonth quarterStart = YearMonth.of(now.getYear(), ((now.getMonthValue() - 1) / 3) * 3 + 1);
        m1 = quarterStart.minusMonths(3);
        m2 = m1.plusMonths(1);
        m3 = m1.plusMonths(2);
    }

    Person inService(String name, long homeBranch, boolean floating) {
        Person p = fx.member(name, homeBranch, "PARTY_MEMBER", "party_member", "resident");
        fx.exec("insert into party_profile (member_id, standing, home_branch_id, in_service, floating) values (?, 'FORMAL', ?, true, ?)",
                p.id(), homeBranch, floating);
        return p;
    }

    void register(Person p, long community) {
        ok(gql(p.token(), REGISTER, input("communityId", TestStreet.orgId(community))));
        // crafted history: registered since before the quarter under test
        fx.exec("update dual_registration set registered_on = ? where member_id = ?", m1.atDay(1).minusDays(10), p.id());
    }

    void serve(Person p, String token, YearMonth month, int day, boolean collective) {
        ok(gql(token, SERVE, input("memberId", p.gid(), "servedOn", month.atDay(day).toString(), "minutes", 90, "collective", collective)));
    }

    String post() {
        return ok(gql(street.streetAdminToken(), """
                mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }""",
                input("kind", "POST", "name", "楼道文明督导岗", "categories", List.of("OTHER"), "capacity", 1,
                        "providerOrganizationId", TestStreet.orgId(street.communityA), "coverageId", TestStreet.orgId(street.communityA))))
                .getString("data.createResource.resource.id");
    }

    @Test
    void theComplianceReportJudgesEachMonthAndTheHomeBranchSeesItsFloatingMembers() {
        Person p1 = inService("守约党员", street.gridA, false);
        Person p2 = inService("流动党员", street.gridA, true);
        Person p3 = inService("缺勤党员", street.gridB, false);
        register(p1, street.communityA);
        register(p2, street.communityB);
        register(p3, street.communityA);

        serve(p1, p1.token(), m1, 5, false);
        serve(p1, p1.token(), m2, 6, true);
        serve(p1, p1.token(), m3, 7, false);
        serve(p2, p2.token(), m1, 8, true);
        serve(p2, p2.token(), m3, 9, false);
        serve(p3, street.adminAToken(), m3, 10, false);

        JsonPath q3 = ok(gql(street.adminAToken(), COMPLIANCE, vars("org", TestStreet.orgId(street.communityA), "month", m3.toString())));
        assertThat(q3.getInt("data.dualRegistrationCompliance.registeredCount")).isEqualTo(3);
        assertThat(q3.getInt("data.dualRegistrationCompliance.servedCount")).isEqualTo(3);
        assertThat(q3.getInt("data.dualRegistrationCompliance.collectiveCount")).isEqualTo(2);
        assertThat(q3.getInt("data.dualRegistrationCompliance.compliantCount")).isEqualTo(2);
        List<String> compliant = q3.getList("data.dualRegistrationCompliance.rows.edges.node.findAll { it.compliant }.member.name");
        assertThat(compliant).containsExactlyInAnyOrder("守约党员", "流动党员");
        assertThat(q3.getList("data.dualRegistrationCompliance.rows.edges.node.findAll { it.floating }.community.name"))
                .containsExactly("和谐社区" + street.tag);

        JsonPath mid = ok(gql(street.adminAToken(), COMPLIANCE, vars("org", TestStreet.orgId(street.communityA), "month", m2.toString())));
        assertThat(mid.getInt("data.dualRegistrationCompliance.servedCount")).isEqualTo(1);
        assertThat(mid.getInt("data.dualRegistrationCompliance.compliantCount")).isEqualTo(1);
        assertThat(mid.getInt("data.dualRegistrationCompliance.collectiveCount")).isEqualTo(2);

        // community B's office sees who registered there and the members of its own branches registered elsewhere
        JsonPath b = ok(gql(street.adminBToken(), COMPLIANCE, vars("org", TestStreet.orgId(street.communityB), "month", m3.toString())));
        assertThat(b.getList("data.dualRegistrationCompliance.rows.edges.node.member.name")).containsExactlyInAnyOrder("流动党员", "缺勤党员");
        assertThat(b.getInt("data.dualRegistrationCompliance.compliantCount")).isEqualTo(1);

        // each service posted its points and minutes once
        assertThat(fx.balance(p1.id(), LedgerUnit.POINTS)).isEqualTo(30);
        assertThat(fx.balance(p1.id(), LedgerUnit.MINUTES)).isEqualTo(270);
    }

    @Test
    void onlyInServicePartyMembersRegisterAndAPostIsClaimedOnce() {
        Person resident = fx.member("居民", street.communityA, "RESIDENT", "resident");
        assertThat(code(gql(resident.token(), REGISTER, input("communityId", TestStreet.orgId(street.communityA))))).isEqualTo("FORBIDDEN");
        Person p1 = inService("认岗党员", street.gridA, false);
        Person p2 = inService("迟到党员", street.gridA, false);
        assertThat(code(gql(p1.token(), REGISTER, input("communityId", TestStreet.orgId(street.gridA))))).isEqualTo("VALIDATION_FAILED");
        String post = post();
        JsonPath r = ok(gql(p1.token(), REGISTER, input("communityId", TestStreet.orgId(street.communityA), "postResourceId", post)));
        assertThat(r.getString("data.registerDual.registration.postResourceId")).isEqualTo(post);
        assertThat(r.getString("data.registerDual.registration.homeBranch.name")).isEqualTo("幸福第一网格" + street.tag);
        assertThat(fx.one("select registered_community_id from party_profile where member_id = ?", p1.id())).isEqualTo(street.communityA);
        // the post had one place
        assertThat(code(gql(p2.token(), REGISTER, input("communityId", TestStreet.orgId(street.communityA), "postResourceId", post))))
                .isEqualTo("CAPACITY_EXHAUSTED");
        // moving to another community ends the first registration and frees the post
        ok(gql(p1.token(), REGISTER, input("communityId", TestStreet.orgId(street.communityB))));
        assertThat(fx.count("select count(*) from dual_registration where member_id = ? and ended_on is null", p1.id())).isEqualTo(1);
        ok(gql(p2.token(), REGISTER, input("communityId", TestStreet.orgId(street.communityA), "postResourceId", post)));
    }

    @Test
    void badInputAndScopeAreRefused() {
        Person p = inService("党员", street.gridA, false);
        ok(gql(p.token(), REGISTER, input("communityId", TestStreet.orgId(street.communityA))));
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        assertThat(field(gql(p.token(), SERVE, input("servedOn", tomorrow, "minutes", 60)))).isEqualTo("servedOn");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(field(gql(p.token(), SERVE, input("servedOn", today, "minutes", 0)))).isEqualTo("minutes");
        assertThat(code(gql(street.adminBToken(), SERVE, input("memberId", p.gid(), "servedOn", today, "minutes", 60)))).isEqualTo("FORBIDDEN");
        assertThat(field(gql(street.adminAToken(), COMPLIANCE, vars("org", TestStreet.orgId(street.communityA), "month", "2026-13"))))
                .isEqualTo("month");
        assertThat(code(gql(street.adminBToken(), COMPLIANCE, vars("org", TestStreet.orgId(street.communityA), "month", "2026-01"))))
                .isEqualTo("FORBIDDEN");
        assertThat(code(gql(p.token(), COMPLIANCE, vars("org", TestStreet.orgId(street.communityA), "month", "2026-01"))))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void attendingACollectiveServiceActivityCountsForTheQuarter() {
        Person p = inService("集体服务党员", street.gridA, false);
        ok(gql(p.token(), REGISTER, input("communityId", TestStreet.orgId(street.communityA))));
        String a = ok(gql(street.adminAToken(), ActivityTest.CREATE, input("organizerId", TestStreet.orgId(street.communityA),
                "kind", "VOLUNTEER_SERVICE", "title", "季度集体服务", "place", "社区广场", "startsAt", ActivityTest.at(10),
                "endsAt", ActivityTest.at(130), "capacity", 50, "audience", "PARTY_MEMBERS", "collectiveService", true)))
                .getString("data.createActivity.activity.id");
        ok(gql(p.token(), ActivityTest.SIGN_UP, input("activityId", a)));
        ok(gql(street.adminAToken(), ActivityTest.CHECK_IN, input("activityId", a, "memberId", p.gid())));
        ok(gql(street.adminAToken(), ActivityTest.CHECK_IN, input("activityId", a, "memberId", p.gid())));
        assertThat(fx.count("select count(*) from dual_service where member_id = ? and collective and activity_id is not null", p.id()))
                .isEqualTo(1);
        JsonPath now = ok(gql(street.adminAToken(), COMPLIANCE, vars("org", TestStreet.orgId(street.communityA), "month",
                YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())));
        assertThat(now.getBoolean("data.dualRegistrationCompliance.rows.edges[0].node.collectiveThisQuarter")).isTrue();
        assertThat(now.getBoolean("data.dualRegistrationCompliance.rows.edges[0].node.servedThisMonth")).isTrue();
    }

    private static String field(JsonPath r) {
        assertThat(code(r)).isEqualTo("VALIDATION_FAILED");
        return r.getString("errors[0].extensions.field");
    }
}
