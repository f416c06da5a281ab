package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.engagement.EngagementFixture.code;
import static org.gongzhi.engagement.EngagementFixture.dbId;
import static org.gongzhi.engagement.EngagementFixture.gql;
import static org.gongzhi.engagement.EngagementFixture.input;
import static org.gongzhi.engagement.EngagementFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.time.LocalDate;
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

/** 党员联系户: visits (敲门行动) that may raise needs, and the monthly visit coverage per grid. */
@GraphQLTest
class VisitTest {

    static final String VISIT = """
            mutation($input: RecordVisitInput!) { recordHouseholdVisit(input: $input) { visit { id visitedOn note needId
              household { doorNumber } } replayed } }""";
    static final String COVERAGE = """
            query($org: ID!, $month: String!) { visitCoverage(organizationId: $org, month: $month) {
              grid { name } linkedHouseholds visitedHouseholds visits coverage } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    EngagementFixture fx;
    Person party;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new EngagementFixture(ds, street);
        party = fx.member("联系户党员", street.gridA, "PARTY_MEMBER", "party_member", "resident");
        link(party.id(), street.householdA);
    }

    void link(long member, long household) {
        fx.exec("insert into responsibility_link (party_member_id, household_id, linked_on) values (?, ?, " + TestStreet.SINCE + ")",
                member, household);
    }

    void visit(long member, long household, long grid, long community, LocalDate day) {
        fx.exec("""
                insert into household_visit (tenant_id, party_member_id, household_id, grid_id, community_id, visited_on, note, created_at)
                values (?, ?, ?, ?, ?, ?, '走访', now())
                """, street.streetId, member, household, grid, community, day);
    }

    @Test
    void aVisitMayRaiseADoorKnockingNeedForTheHousehold() {
        JsonPath r = ok(gql(party.token(), VISIT, input("householdId", TestStreet.id("Household", street.householdA),
                "note", "老人腿脚不便，希望有人送餐", "idempotencyKey", "visit-1",
                "need", vars("title", "助餐需求", "description", "独居老人需要每日送餐", "category", "ELDERLY_MEAL"))));
        String need = r.getString("data.recordHouseholdVisit.visit.needId");
        assertThat(need).isNotNull();
        assertThat(r.getString("data.recordHouseholdVisit.visit.household.doorNumber")).isEqualTo("1-101");
        Map<String, Object> row = Map.of(
                "channel", fx.one("select channel from need where id = ?", dbId(need)),
                "reporter", fx.one("select reporter_member_id from need where id = ?", dbId(need)),
                "beneficiary", fx.one("select beneficiary_member_id from need where id = ?", dbId(need)),
                "household", fx.one("select household_id from need where id = ?", dbId(need)));
        assertThat(row).containsEntry("channel", "DOOR_KNOCKING").containsEntry("reporter", party.id())
                .containsEntry("beneficiary", street.residentAId).containsEntry("household", street.householdA);
        // a retry replays: one visit, one need
        JsonPath again = ok(gql(party.token(), VISIT, input("householdId", TestStreet.id("Household", street.householdA),
                "note", "老人腿脚不便，希望有人送餐", "idempotencyKey", "visit-1",
                "need", vars("title", "助餐需求", "description", "独居老人需要每日送餐", "category", "ELDERLY_MEAL"))));
        assertThat(again.getBoolean("data.recordHouseholdVisit.replayed")).isTrue();
        assertThat(fx.count("select count(*) from need where reporter_member_id = ?", party.id())).isEqualTo(1);
        // the resident sees the need raised for them
        assertThat(ok(gql(street.residentAToken(), "query($id: ID!) { need(id: $id) { channel } }", vars("id", need)))
                .getString("data.need.channel")).isEqualTo("DOOR_KNOCKING");
    }

    @Test
    void onlyLinkedHouseholdsAreVisitedAndBadInputIsRefused() {
        String householdB = TestStreet.id("Household", street.householdB);
        assertThat(code(gql(party.token(), VISIT, input("householdId", householdB, "note", "路过")))).isEqualTo("FORBIDDEN");
        String householdA = TestStreet.id("Household", street.householdA);
        assertThat(field(gql(party.token(), VISIT, input("householdId", householdA, "note", "  ")))).isEqualTo("note");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        assertThat(field(gql(party.token(), VISIT, input("householdId", householdA, "note", "走访", "visitedOn", tomorrow))))
                .isEqualTo("visitedOn");
        assertThat(field(gql(party.token(), VISIT, input("householdId", householdA, "note", "走访",
                "need", vars("title", "想要", "description", "想要", "category", "MICRO_WISH"))))).isEqualTo("need.category");
        assertThat(field(gql(party.token(), VISIT, input("householdId", "bogus", "note", "走访")))).isEqualTo("householdId");
        assertThat(fx.count("select count(*) from household_visit where party_member_id = ?", party.id())).isZero();
    }

    @Test
    void coverageCountsLinkedHouseholdsVisitedInTheMonthPerGrid() {
        long h2 = street.household(street.buildingA, street.gridA, street.communityA, "1-102");
        long h3 = street.household(street.buildingA, street.gridA, street.communityA, "1-103");
        long h4 = street.household(street.buildingA, street.gridA, street.communityA, "1-104");
        long unlinked = street.household(street.buildingA, street.gridA, street.communityA, "1-105");
        link(party.id(), h2);
        link(party.id(), h3);
        link(party.id(), h4);
        Person partyB = fx.member("B党员", street.gridB, "PARTY_MEMBER", "party_member", "resident");
        link(partyB.id(), street.householdB);
        link(partyB.id(), street.household(street.buildingB, street.gridB, street.communityB, "9-902"));

        YearMonth last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        visit(party.id(), street.householdA, street.gridA, street.communityA, last.atDay(3));
        visit(party.id(), street.householdA, street.gridA, street.communityA, last.atDay(20));
        visit(party.id(), h2, street.gridA, street.communityA, last.atEndOfMonth());
        visit(party.id(), unlinked, street.gridA, street.communityA, last.atDay(5));
        visit(party.id(), h3, street.gridA, street.communityA, last.minusMonths(1).atDay(15));
        visit(partyB.id(), street.householdB, street.gridB, street.communityB, last.plusMonths(1).atDay(1));

        JsonPath r = ok(gql(street.streetAdminToken(), COVERAGE, vars("org", TestStreet.orgId(street.streetId), "month", last.toString())));
        List<Map<String, Object>> rows = r.getList("data.visitCoverage");
        Map<String, Object> a = rows.stream().filter(m -> ((Map<?, ?>) m.get("grid")).get("name").equals("幸福第一网格" + street.tag))
                .findFirst().orElseThrow();
        Map<String, Object> b = rows.stream().filter(m -> ((Map<?, ?>) m.get("grid")).get("name").equals("和谐第一网格" + street.tag))
                .findFirst().orElseThrow();
        assertThat(a).containsEntry("linkedHouseholds", 4).containsEntry("visitedHouseholds", 2).containsEntry("visits", 4)
                .containsEntry("coverage", 0.5f);
        assertThat(b).containsEntry("linkedHouseholds", 2).containsEntry("visitedHouseholds", 0).containsEntry("visits", 0);

        // a community office sees its own grids only, and not the other community
        JsonPath mine = ok(gql(street.adminAToken(), COVERAGE, vars("org", TestStreet.orgId(street.communityA), "month", last.toString())));
        assertThat(mine.getList("data.visitCoverage.grid.name")).containsExactly("幸福第一网格" + street.tag);
        assertThat(code(gql(street.adminBToken(), COVERAGE, vars("org", TestStreet.orgId(street.communityA), "month", last.toString()))))
                .isEqualTo("FORBIDDEN");
        assertThat(field(gql(street.adminAToken(), COVERAGE, vars("org", TestStreet.orgId(street.communityA), "month", "last month"))))
                .isEqualTo("month");
    }

    private static String field(JsonPath r) {
        assertThat(code(r)).isEqualTo("VALIDATION_FAILED");
        return r.getString("errors[0].extensions.field");
    }
}
