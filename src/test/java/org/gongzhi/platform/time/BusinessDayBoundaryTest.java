package org.gongzhi.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;
import static org.gongzhi.support.TestStreet.memberId;
import static org.gongzhi.support.TestStreet.orgId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.Sql;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.path.json.JsonPath;

/**
 * The business day and month at the instants where zones disagree, through the real endpoint: with the clock pinned
 * just after 16:00 UTC (00:00 in Beijing, while the JVM runs in Los Angeles and the database session in Kiritimati),
 * just before midnight UTC, on the last day of a month (in UTC and in Beijing) and at the first minutes of 1 January in
 * Beijing. The expected days are Beijing's (UTC+8, no daylight saving), computed here from the instant, not by the
 * calendar under test.
 */
@GraphQLTest
class BusinessDayBoundaryTest {

    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    static final String ADD = """
            mutation($input: AddMembershipInput!) { addMembership(input: $input) {
              member { memberships(includeEnded: true) { id role startedOn endedOn active } } } }""";
    static final String END = """
            mutation($input: EndMembershipInput!) { endMembership(input: $input) {
              member { memberships(includeEnded: true) { id role endedOn active } } } }""";
    static final String MEMBERSHIPS = """
            query($id: ID!) { member(id: $id) { memberships { id role organization { id } } } }""";
    static final String GRID_MEMBERS = """
            query($id: ID!) { organization(id: $id) { members(role: VOLUNTEER) { totalCount } } }""";
    static final String OVERVIEW = """
            query($org: ID!, $month: String!) { engagementOverview(organizationId: $org, month: $month) {
              organization { id } volunteerHours partyMembers activePartyMembers dualRegistered } }""";
    static final String COMPLIANCE = """
            query($org: ID!, $month: String!) { dualRegistrationCompliance(organizationId: $org, month: $month, first: 10) {
              registeredCount servedCount rows { edges { node { servicesThisMonth } } } } }""";
    static final String LEADERBOARD = """
            query($org: ID!, $month: String!) { leaderboard(organizationId: $org, month: $month) { earned me } }""";
    static final String COVERAGE = """
            query($org: ID!, $month: String!) { visitCoverage(organizationId: $org, month: $month) {
              grid { id } linkedHouseholds visitedHouseholds } }""";

    /** An instant where zones disagree and what it should mean. */
    record Case(String name, Instant at) {

        LocalDate businessDay() {
            return LocalDate.ofInstant(at, BEIJING);
        }

        YearMonth businessMonth() {
            return YearMonth.from(businessDay());
        }

        @Override
        public String toString() {
            return name + " (" + at + ")";
        }
    }

    /** Two years ahead, so nothing a case leaves behind ever lies in the past of a test that uses the real clock. */
    static Stream<Case> cases() {
        int y = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).getYear() + 2;
        return Stream.of(
                new Case("just before 16:00 UTC, 23:59 in Beijing", Instant.parse(y + "-03-10T15:59:30Z")),
                new Case("just after 16:00 UTC, 00:00 in Beijing", Instant.parse(y + "-03-10T16:00:30Z")),
                new Case("just before midnight UTC, 07:59 in Beijing", Instant.parse(y + "-03-10T23:59:30Z")),
                new Case("last day of a month in UTC, 1 May in Beijing", Instant.parse(y + "-04-30T16:30:00Z")),
                new Case("last minute of a month in Beijing, 1 February in Kiritimati", Instant.parse(y + "-01-31T15:59:30Z")),
                new Case("31 December in UTC and Los Angeles, 1 January in Beijing", Instant.parse((y - 1) + "-12-31T16:30:00Z")));
    }

    @Inject
    DataSource ds;

    @Inject
    TimeSource time;

    @Inject
    BusinessCalendar calendar;

    TestStreet street;

    @BeforeEach
    void street() {
        assertThat(calendar.zone()).as("the tests' expected days are Beijing's").isEqualTo(ZoneId.of("Asia/Shanghai"));
        street = new TestStreet(ds);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMembershipEndedTodayIsNoLongerListed(Case c) {
        time.pin(c.at());
        JsonPath added = ok(call(street.adminAToken(), ADD, vars("input", vars("memberId", memberId(street.residentAId),
                "organizationId", orgId(street.gridA), "role", "VOLUNTEER"))));
        assertThat(added.getString("data.addMembership.member.memberships.find { it.role == 'VOLUNTEER' }.startedOn"))
                .isEqualTo(c.businessDay().toString());
        assertThat(ok(call(street.adminAToken(), GRID_MEMBERS, vars("id", orgId(street.gridA)))).getInt("data.organization.members.totalCount"))
                .isEqualTo(1);

        String id = added.getString("data.addMembership.member.memberships.find { it.role == 'VOLUNTEER' }.id");
        JsonPath ended = ok(call(street.adminAToken(), END, vars("input", vars("membershipId", id))));
        assertThat(ended.getString("data.endMembership.member.memberships.find { it.role == 'VOLUNTEER' }.endedOn"))
                .isEqualTo(c.businessDay().toString());
        assertThat(ended.getBoolean("data.endMembership.member.memberships.find { it.role == 'VOLUNTEER' }.active")).isFalse();
        assertThat(ok(call(street.adminAToken(), MEMBERSHIPS, vars("id", memberId(street.residentAId))))
                .getList("data.member.memberships.role", String.class)).containsExactly("RESIDENT");
        assertThat(ok(call(street.adminAToken(), GRID_MEMBERS, vars("id", orgId(street.gridA)))).getInt("data.organization.members.totalCount"))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anAdministratorsScopeFollowsTheBusinessDay(Case c) {
        time.pin(c.at());
        String adminB = street.adminBToken();
        assertThat(scopeOfB(adminB, c)).as("administrator of B").isNull();
        String membership = ok(call(street.streetAdminToken(), MEMBERSHIPS, vars("id", memberId(street.adminBId))))
                .getString("data.member.memberships.find { it.role == 'ADMINISTRATOR' }.id");

        // ended tomorrow: still in office today, out tomorrow
        ok(call(street.streetAdminToken(), END, vars("input", vars("membershipId", membership, "endedOn", c.businessDay().plusDays(1).toString()))));
        assertThat(scopeOfB(adminB, c)).as("ends tomorrow").isNull();
        time.pin(c.at().plus(Duration.ofDays(1)));
        assertThat(scopeOfB(adminB, c)).as("ended today").isEqualTo("FORBIDDEN");

        // starts tomorrow: not yet in office today, in office tomorrow
        LocalDate tomorrow = c.businessDay().plusDays(2);
        JsonPath again = ok(call(street.streetAdminToken(), ADD, vars("input", vars("memberId", memberId(street.adminBId),
                "organizationId", orgId(street.communityB), "role", "ADMINISTRATOR", "startedOn", tomorrow.toString()))));
        assertThat(scopeOfB(adminB, c)).as("starts tomorrow").isEqualTo("FORBIDDEN");
        time.pin(c.at().plus(Duration.ofDays(2)));
        assertThat(scopeOfB(adminB, c)).as("started today").isNull();

        // ended today by the mutation's default day: out at once
        String second = again.getString("data.addMembership.member.memberships.find { it.role == 'ADMINISTRATOR' && it.endedOn == null }.id");
        JsonPath ended = ok(call(street.streetAdminToken(), END, vars("input", vars("membershipId", second))));
        assertThat(ended.getString("data.endMembership.member.memberships.find { it.id == '" + second + "' }.endedOn"))
                .isEqualTo(tomorrow.toString());
        assertThat(scopeOfB(adminB, c)).as("ended today by default").isEqualTo("FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void monthlyFiguresCountTheBusinessMonth(Case c) throws SQLException {
        time.pin(c.at());
        LocalDate today = c.businessDay();
        String party = street.partyMemberAToken();
        try (Connection conn = ds.getConnection()) {
            Sql.exec(conn, "insert into party_profile (member_id, standing, home_branch_id, in_service, floating) "
                    + "values (?, 'FORMAL', ?, true, false)", street.partyMemberAId, street.gridA);
        }
        // dual registration and a service today (posting points and minutes now)
        JsonPath registered = ok(call(party, """
                mutation($input: RegisterDualInput!) { registerDual(input: $input) { registration { registeredOn } } }""",
                vars("input", vars("communityId", orgId(street.communityA)))));
        assertThat(registered.getString("data.registerDual.registration.registeredOn")).isEqualTo(today.toString());
        String serve = """
                mutation($input: RecordDualServiceInput!) { recordDualService(input: $input) { service { servedOn } } }""";
        assertThat(code(call(party, serve, vars("input", vars("servedOn", today.plusDays(1).toString(), "minutes", 90)))))
                .as("tomorrow is not a past day").isEqualTo("VALIDATION_FAILED");
        ok(call(party, serve, vars("input", vars("servedOn", today.toString(), "minutes", 90))));
        // a visit of a linked household, today by default
        ok(call(street.adminAToken(), """
                mutation($input: ResponsibilityLinkInput!) { linkResponsibilityHousehold(input: $input) { member { id } } }""",
                vars("input", vars("partyMemberId", memberId(street.partyMemberAId), "householdId", TestStreet.id("Household", street.householdA)))));
        JsonPath visit = ok(call(party, """
                mutation($input: RecordVisitInput!) { recordHouseholdVisit(input: $input) { visit { visitedOn } } }""",
                vars("input", vars("householdId", TestStreet.id("Household", street.householdA), "note", "敲门问需"))));
        assertThat(visit.getString("data.recordHouseholdVisit.visit.visitedOn")).isEqualTo(today.toString());

        String month = c.businessMonth().toString();
        JsonPath compliance = ok(call(street.adminAToken(), COMPLIANCE, vars("org", orgId(street.communityA), "month", month)));
        assertThat(compliance.getInt("data.dualRegistrationCompliance.registeredCount")).isEqualTo(1);
        assertThat(compliance.getInt("data.dualRegistrationCompliance.servedCount")).isEqualTo(1);
        assertThat(compliance.getList("data.dualRegistrationCompliance.rows.edges.node.servicesThisMonth", Integer.class)).containsExactly(1);
        JsonPath board = ok(call(party, LEADERBOARD, vars("org", orgId(street.communityA), "month", month)));
        assertThat(board.getList("data.leaderboard.earned", Integer.class)).containsExactly(10);
        assertThat(board.getBoolean("data.leaderboard[0].me")).isTrue();
        JsonPath coverage = ok(call(street.adminAToken(), COVERAGE, vars("org", orgId(street.communityA), "month", month)));
        assertThat(coverage.getInt("data.visitCoverage.find { it.grid.id == '" + orgId(street.gridA) + "' }.visitedHouseholds")).isEqualTo(1);
        JsonPath overview = ok(call(street.adminAToken(), OVERVIEW, vars("org", orgId(street.communityA), "month", month)));
        assertThat(overview.getDouble("data.engagementOverview[0].volunteerHours")).isEqualTo(1.5);
        assertThat(overview.getInt("data.engagementOverview[0].partyMembers")).isEqualTo(1);
        assertThat(overview.getInt("data.engagementOverview[0].activePartyMembers")).isEqualTo(1);
        assertThat(overview.getInt("data.engagementOverview[0].dualRegistered")).isEqualTo(1);

        // the neighbouring months, one of which is the month in UTC or in Los Angeles where they differ, count nothing
        for (YearMonth other : List.of(c.businessMonth().minusMonths(1), c.businessMonth().plusMonths(1))) {
            String m = other.toString();
            JsonPath none = ok(call(street.adminAToken(), COMPLIANCE, vars("org", orgId(street.communityA), "month", m)));
            assertThat(none.getInt("data.dualRegistrationCompliance.servedCount")).as(m).isZero();
            assertThat(ok(call(party, LEADERBOARD, vars("org", orgId(street.communityA), "month", m))).getList("data.leaderboard")).as(m).isEmpty();
            assertThat(ok(call(street.adminAToken(), COVERAGE, vars("org", orgId(street.communityA), "month", m)))
                    .getInt("data.visitCoverage.find { it.grid.id == '" + orgId(street.gridA) + "' }.visitedHouseholds")).as(m).isZero();
            JsonPath quiet = ok(call(street.adminAToken(), OVERVIEW, vars("org", orgId(street.communityA), "month", m)));
            assertThat(quiet.getDouble("data.engagementOverview[0].volunteerHours")).as(m).isZero();
            assertThat(quiet.getInt("data.engagementOverview[0].activePartyMembers")).as(m).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void slaDeadlinesRunFromTheInstantAndReachClientsInBeijingTime(Case c) {
        time.pin(c.at());
        JsonPath submitted = ok(call(street.residentAToken(), """
                mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { need { id respondBy resolveBy overdue } } }""",
                vars("input", vars("title", "助餐", "description", "每天中午送一份午餐", "category", "ELDERLY_MEAL", "kind", "PERSONAL_REQUEST"))));
        String need = submitted.getString("data.submitNeed.need.id");
        // ELDERLY_MEAL, normal urgency: respond within 24 h, resolve within 72 h (V10 defaults)
        assertThat(submitted.getString("data.submitNeed.need.respondBy")).endsWith("+08:00");
        assertThat(OffsetDateTime.parse(submitted.getString("data.submitNeed.need.respondBy")))
                .isEqualTo(c.at().plus(Duration.ofHours(24)).atOffset(BEIJING));
        assertThat(OffsetDateTime.parse(submitted.getString("data.submitNeed.need.resolveBy")))
                .isEqualTo(c.at().plus(Duration.ofHours(72)).atOffset(BEIJING));
        String status = "query($id: ID!) { need(id: $id) { overdue respondOverdue } }";
        time.pin(c.at().plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(ok(call(street.residentAToken(), status, vars("id", need))).getBoolean("data.need.respondOverdue")).isFalse();
        time.pin(c.at().plus(Duration.ofHours(24)).plusSeconds(1));
        JsonPath late = ok(call(street.residentAToken(), status, vars("id", need)));
        assertThat(late.getBoolean("data.need.respondOverdue")).isTrue();
        assertThat(late.getBoolean("data.need.overdue")).isTrue();
        JsonPath inbox = ok(call(street.gridWorkerAToken(), """
                query { needInbox(filter: { overdue: true }, first: 50) { edges { node { id } } } }"""));
        assertThat(inbox.getList("data.needInbox.edges.node.id", String.class)).contains(need);
    }

    /** The error code of an administrators-only figure of community B for the case's month, or null when allowed. */
    private String scopeOfB(String token, Case c) {
        return code(call(token, OVERVIEW, vars("org", orgId(street.communityB), "month", c.businessMonth().toString())));
    }

    private static JsonPath ok(JsonPath r) {
        assertThat(r.getList("errors")).as("errors").isNull();
        return r;
    }

    private static String code(JsonPath r) {
        return r.getString("errors[0].extensions.code");
    }
}
