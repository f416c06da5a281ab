package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.engagement.EngagementFixture.code;
import static org.gongzhi.engagement.EngagementFixture.gql;
import static org.gongzhi.engagement.EngagementFixture.input;
import static org.gongzhi.engagement.EngagementFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.engagement.EngagementFixture.Person;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Leaderboards (scope and masking) and the participation overview per organization. */
@GraphQLTest
class InsightTest {

    static final String BOARD = """
            query($org: ID!, $month: String, $first: Int) { leaderboard(organizationId: $org, month: $month, first: $first) {
              rank displayName masked me earned member { id name } } }""";
    static final String OVERVIEW = """
            query($org: ID!, $month: String!) { engagementOverview(organizationId: $org, month: $month) { organization { name }
              activities confirmedSignups attendances attendanceRate partyMembers activePartyMembers partyParticipationRate
              volunteers activeVolunteers volunteerHours dualRegistered dualCompliant } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    EngagementFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new EngagementFixture(ds, street);
    }

    @Test
    void theLeaderboardCoversItsScopeAndMasksMembersWhoOptedOut() {
        Person top = fx.member("王小明", street.communityA, "VOLUNTEER", "volunteer", "resident");
        Person shy = fx.member("李秀英", street.communityA, "VOLUNTEER", "volunteer", "resident");
        Person tied = fx.member("张建国", street.communityA, "VOLUNTEER", "volunteer", "resident");
        Person other = fx.memberOfB("赵敏", "VOLUNTEER", "volunteer", "resident");
        fx.exec("update member set leaderboard_opt_out = true where id = ?", shy.id());
        fx.grant(top.id(), LedgerUnit.POINTS, 80);
        fx.grant(shy.id(), LedgerUnit.POINTS, 50);
        fx.grant(tied.id(), LedgerUnit.POINTS, 50);
        fx.grant(other.id(), LedgerUnit.POINTS, 100);
        fx.grantAt(tied.id(), LedgerUnit.POINTS, 500, OffsetDateTime.now().minusMonths(2));

        JsonPath a = ok(gql(street.residentAToken(), BOARD, vars("org", TestStreet.orgId(street.communityA),
                "month", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())));
        List<Map<String, Object>> rows = a.getList("data.leaderboard");
        assertThat(rows).extracting(r -> r.get("rank")).containsExactly(1, 2, 2);
        assertThat(rows).extracting(r -> r.get("displayName")).containsExactly("王小明", "李**", "张建国");
        assertThat(rows.get(1)).containsEntry("masked", true).containsEntry("member", null);
        assertThat(rows).extracting(r -> r.get("displayName")).doesNotContain("赵敏");

        // all time, the old points count; the street board includes community B
        JsonPath all = ok(gql(street.residentAToken(), BOARD, vars("org", TestStreet.orgId(street.communityA))));
        assertThat(all.getString("data.leaderboard[0].displayName")).isEqualTo("张建国");
        JsonPath streetBoard = ok(gql(street.residentAToken(), BOARD, vars("org", TestStreet.orgId(street.streetId), "first", 2)));
        assertThat(streetBoard.getList("data.leaderboard.displayName")).containsExactly("张建国", "赵敏");

        // the member who opted out still sees themself
        JsonPath mine = ok(gql(shy.token(), BOARD, vars("org", TestStreet.orgId(street.communityA), "month",
                YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())));
        assertThat(mine.getList("data.leaderboard.findAll { it.me }.displayName")).containsExactly("李秀英");

        // redeeming does not lower what was earned
        String reward = ok(gql(street.adminAToken(), LedgerTest.CREATE_REWARD, input("ownerOrganizationId",
                TestStreet.orgId(street.communityA), "kind", "SERVICE", "name", "理发", "pricePoints", 60, "stock", 5)))
                .getString("data.createReward.reward.id");
        ok(gql(top.token(), LedgerTest.REDEEM, input("rewardId", reward)));
        JsonPath after = ok(gql(street.residentAToken(), BOARD, vars("org", TestStreet.orgId(street.communityA),
                "month", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())));
        assertThat(after.getInt("data.leaderboard[0].earned")).isEqualTo(80);
    }

    @Test
    void leaderboardInputIsChecked() {
        assertThat(field(gql(street.residentAToken(), BOARD, vars("org", TestStreet.orgId(street.communityA), "first", 0)))).isEqualTo("first");
        assertThat(field(gql(street.residentAToken(), BOARD, vars("org", TestStreet.orgId(street.communityA), "month", "2026/11"))))
                .isEqualTo("month");
        TestStreet elsewhere = new TestStreet(ds);
        assertThat(code(gql(street.residentAToken(), BOARD, vars("org", TestStreet.orgId(elsewhere.communityA))))).isEqualTo("NOT_FOUND");
        assertThat(code(gql(null, BOARD, vars("org", TestStreet.orgId(street.communityA))))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theOverviewShowsParticipationPerOrganization() {
        Person party = fx.member("活跃党员", street.gridA, "PARTY_MEMBER", "party_member", "resident");
        Person volunteer = fx.member("志愿者", street.communityA, "VOLUNTEER", "volunteer", "resident");
        String a = ok(gql(street.adminAToken(), ActivityTest.CREATE, input("organizerId", TestStreet.orgId(street.communityA),
                "kind", "VOLUNTEER_SERVICE", "title", "环境整治", "place", "小区", "startsAt", ActivityTest.at(5), "endsAt", ActivityTest.at(65),
                "capacity", 10, "audience", "RESIDENTS"))).getString("data.createActivity.activity.id");
        ok(gql(party.token(), ActivityTest.SIGN_UP, input("activityId", a)));
        ok(gql(volunteer.token(), ActivityTest.SIGN_UP, input("activityId", a)));
        ok(gql(street.adminAToken(), ActivityTest.CHECK_IN, input("activityId", a, "memberId", party.gid())));

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonPath r = ok(gql(street.adminAToken(), OVERVIEW, vars("org", TestStreet.orgId(street.communityA), "month", month)));
        Map<String, Object> community = r.getMap("data.engagementOverview[0]");
        assertThat(community).containsEntry("activities", 1).containsEntry("confirmedSignups", 2).containsEntry("attendances", 1)
                .containsEntry("attendanceRate", 0.5f).containsEntry("partyMembers", 2).containsEntry("activePartyMembers", 1)
                .containsEntry("volunteers", 1).containsEntry("activeVolunteers", 0).containsEntry("volunteerHours", 1.0f);
        assertThat(r.getString("data.engagementOverview[1].organization.name")).isEqualTo("幸福第一网格" + street.tag);
        assertThat(r.getInt("data.engagementOverview[1].partyMembers")).isEqualTo(2);
        assertThat(r.getInt("data.engagementOverview[1].activities")).isZero();

        assertThat(code(gql(party.token(), OVERVIEW, vars("org", TestStreet.orgId(street.communityA), "month", month)))).isEqualTo("FORBIDDEN");
        assertThat(code(gql(street.adminBToken(), OVERVIEW, vars("org", TestStreet.orgId(street.communityA), "month", month))))
                .isEqualTo("FORBIDDEN");
    }

    private static String field(JsonPath r) {
        assertThat(code(r)).isEqualTo("VALIDATION_FAILED");
        return r.getString("errors[0].extensions.field");
    }
}
