package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.engagement.EngagementFixture.code;
import static org.gongzhi.engagement.EngagementFixture.concurrently;
import static org.gongzhi.engagement.EngagementFixture.dbId;
import static org.gongzhi.engagement.EngagementFixture.gql;
import static org.gongzhi.engagement.EngagementFixture.input;
import static org.gongzhi.engagement.EngagementFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.engagement.EngagementFixture.Person;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Activities: audience, sign-up with waitlist and automatic promotion, check-in that posts once. */
@GraphQLTest
class ActivityTest {

    static final String CREATE = """
            mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id capacity confirmedCount points
              serviceMinutes checkInCode organizer { name } } replayed } }""";
    static final String SIGN_UP = """
            mutation($input: ActivitySignupInput!) { signUpForActivity(input: $input) { signup { id status promoted } replayed } }""";
    static final String CANCEL = """
            mutation($input: ActivitySignupInput!) { cancelActivitySignup(input: $input) { signup { id status } } }""";
    static final String CHECK_IN = """
            mutation($input: CheckInInput!) { checkInToActivity(input: $input) { signup { status checkedInAt checkInMethod } } }""";
    static final String ACTIVITY = """
            query($id: ID!) { activity(id: $id) { confirmedCount waitlistCount attendedCount checkInCode mySignup { status promoted }
              signups(first: 50) { totalCount edges { node { status promoted member { name } } } } } }""";
    static final String ACTIVITY_PUBLIC = """
            query($id: ID!) { activity(id: $id) { confirmedCount waitlistCount checkInCode mySignup { status promoted } } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    EngagementFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new EngagementFixture(ds, street);
    }

    static String at(int minutesFromNow) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(minutesFromNow).toString();
    }

    String activity(int capacity, String audience, long scope) {
        return ok(gql(street.adminAToken(), CREATE, input("organizerId", TestStreet.orgId(street.communityA), "kind", "VOLUNTEER_SERVICE",
                "title", "清洁家园志愿服务", "place", "社区广场", "startsAt", at(30), "endsAt", at(150), "capacity", capacity,
                "audience", audience, "audienceScopeId", TestStreet.orgId(scope)))).getString("data.createActivity.activity.id");
    }

    static String signUp(Person p, String activity) {
        JsonPath r = gql(p.token(), SIGN_UP, input("activityId", activity));
        return r.getList("errors") == null ? r.getString("data.signUpForActivity.signup.status") : code(r);
    }

    @Test
    void aCancelledSeatGoesToTheLongestWaitingSignUp() {
        String a = activity(2, "RESIDENTS", street.communityA);
        List<Person> people = fx.members(4, "报名者", "RESIDENT", "resident");
        assertThat(people.stream().map(p -> signUp(p, a)).toList()).containsExactly("CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED");
        // a repeated sign-up changes nothing
        assertThat(signUp(people.get(0), a)).isEqualTo("CONFIRMED");

        ok(gql(people.get(0).token(), CANCEL, input("activityId", a)));
        JsonPath third = ok(gql(people.get(2).token(), ACTIVITY_PUBLIC, vars("id", a)));
        assertThat(third.getString("data.activity.mySignup.status")).isEqualTo("CONFIRMED");
        assertThat(third.getBoolean("data.activity.mySignup.promoted")).isTrue();
        assertThat(third.getInt("data.activity.confirmedCount")).isEqualTo(2);
        assertThat(third.getInt("data.activity.waitlistCount")).isEqualTo(1);
        assertThat(third.getString("data.activity.checkInCode")).as("the code is for the organizer only").isNull();

        // cancelling from the waitlist frees no seat; cancelling a seat with nobody waiting does
        ok(gql(people.get(3).token(), CANCEL, input("activityId", a)));
        ok(gql(people.get(1).token(), CANCEL, input("activityId", a)));
        JsonPath office = ok(gql(street.adminAToken(), ACTIVITY, vars("id", a)));
        assertThat(office.getInt("data.activity.confirmedCount")).isEqualTo(1);
        assertThat(office.getInt("data.activity.waitlistCount")).isZero();
        assertThat(office.getInt("data.activity.signups.totalCount")).isEqualTo(4);
        assertThat(office.getString("data.activity.checkInCode")).matches("\\d{6}");
        // the one who cancelled first may come back while a seat is free
        assertThat(signUp(people.get(0), a)).isEqualTo("CONFIRMED");
        assertThat(signUp(people.get(3), a)).isEqualTo("WAITLISTED");
        // members do not see the sign-up list
        assertThat(code(gql(people.get(0).token(), ACTIVITY, vars("id", a)))).isEqualTo("FORBIDDEN");
    }

    @Test
    void concurrentSignUpsAndCancellationsNeverOverfillAndAlwaysPromote() throws Exception {
        String a = activity(10, "RESIDENTS", street.communityA);
        List<Person> people = fx.members(60, "并发", "RESIDENT", "resident");
        Map<String, Long> counts = concurrently(people, p -> signUp(p, a)).stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 10L, "WAITLISTED", 50L));

        List<Person> confirmed = people.stream().filter(p -> "CONFIRMED".equals(fx.one(
                "select status from activity_signup where activity_id = ? and member_id = ?", dbId(a), p.id()))).toList();
        concurrently(confirmed, p -> code(gql(p.token(), CANCEL, input("activityId", a))));

        long id = dbId(a);
        assertThat(fx.count("select confirmed_count from activity where id = ?", id)).isEqualTo(10);
        assertThat(fx.count("select count(*) from activity_signup where activity_id = ? and status = 'CONFIRMED'", id)).isEqualTo(10);
        assertThat(fx.count("select count(*) from activity_signup where activity_id = ? and promoted", id)).isEqualTo(10);
        assertThat(fx.count("select count(*) from activity_signup where activity_id = ? and status = 'WAITLISTED'", id)).isEqualTo(40);
        // the promoted are the ten who had waited longest
        assertThat(fx.count("""
                select count(*) from activity_signup p where p.activity_id = ? and p.promoted and exists (
                  select 1 from activity_signup w where w.activity_id = p.activity_id and w.status = 'WAITLISTED'
                  and (w.queued_at, w.id) < (p.queued_at, p.id))
                """, id)).isZero();
    }

    @Test
    void checkInPostsPointsAndMinutesExactlyOnce() {
        String a = activity(1, "RESIDENTS", street.communityA);
        Person first = fx.member("签到者", street.communityA, "RESIDENT", "resident");
        Person late = fx.member("候补者", street.communityA, "RESIDENT", "resident");
        signUp(first, a);
        signUp(late, a);
        String codeShown = ok(gql(street.adminAToken(), ACTIVITY, vars("id", a))).getString("data.activity.checkInCode");

        assertThat(code(gql(first.token(), CHECK_IN, input("activityId", a, "code", "000000".equals(codeShown) ? "111111" : "000000"))))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(code(gql(late.token(), CHECK_IN, input("activityId", a, "code", codeShown)))).isEqualTo("INVALID_TRANSITION");
        assertThat(code(gql(first.token(), CHECK_IN, input("activityId", a, "memberId", late.gid())))).isEqualTo("FORBIDDEN");

        JsonPath r = ok(gql(first.token(), CHECK_IN, input("activityId", a, "code", codeShown)));
        assertThat(r.getString("data.checkInToActivity.signup.checkInMethod")).isEqualTo("CODE");
        ok(gql(first.token(), CHECK_IN, input("activityId", a, "code", codeShown)));
        ok(gql(street.adminAToken(), CHECK_IN, input("activityId", a, "memberId", first.gid())));

        assertThat(fx.balance(first.id(), LedgerUnit.POINTS)).isEqualTo(10);
        assertThat(fx.balance(first.id(), LedgerUnit.MINUTES)).isEqualTo(120);
        assertThat(fx.count("select count(*) from ledger_transfer where member_id = ? and kind = 'ACTIVITY_CHECK_IN'", first.id()))
                .isEqualTo(2);
        assertThat(ok(gql(street.adminAToken(), ACTIVITY, vars("id", a))).getInt("data.activity.attendedCount")).isEqualTo(1);
        // the organizer cannot seat a walk-in when the activity is full
        Person walkIn = fx.member("临时来者", street.communityA, "RESIDENT", "resident");
        assertThat(code(gql(street.adminAToken(), CHECK_IN, input("activityId", a, "memberId", walkIn.gid()))))
                .isEqualTo("CAPACITY_EXHAUSTED");
        // attendance cannot be cancelled
        assertThat(code(gql(first.token(), CANCEL, input("activityId", a)))).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void concurrentCheckInsOfOneMemberPostOnce() throws Exception {
        String a = activity(5, "RESIDENTS", street.communityA);
        Person p = fx.member("重复签到", street.communityA, "RESIDENT", "resident");
        signUp(p, a);
        String codeShown = ok(gql(street.adminAToken(), ACTIVITY, vars("id", a))).getString("data.activity.checkInCode");
        List<String> outcomes = concurrently(java.util.stream.IntStream.range(0, 40).boxed().toList(), i -> {
            JsonPath r = i % 2 == 0 ? gql(p.token(), CHECK_IN, input("activityId", a, "code", codeShown))
                    : gql(street.adminAToken(), CHECK_IN, input("activityId", a, "memberId", p.gid()));
            return r.getList("errors") == null ? "OK" : code(r);
        });
        assertThat(outcomes).containsOnly("OK");
        assertThat(fx.count("select count(*) from ledger_transfer where member_id = ? and kind = 'ACTIVITY_CHECK_IN' and unit = 'POINTS'",
                p.id())).isEqualTo(1);
        assertThat(fx.balance(p.id(), LedgerUnit.POINTS)).isEqualTo(10);
    }

    @Test
    void theAudienceRuleDecidesWhoMaySignUp() {
        String partyDay = ok(gql(street.adminAToken(), CREATE, input("organizerId", TestStreet.orgId(street.communityA), "kind", "PARTY_DAY",
                "title", "主题党日", "place", "党群服务中心", "startsAt", at(60), "endsAt", at(120), "capacity", 30,
                "audience", "PARTY_MEMBERS"))).getString("data.createActivity.activity.id");
        Person resident = fx.member("普通居民", street.communityA, "RESIDENT", "resident");
        Person party = fx.member("党员", street.gridA, "PARTY_MEMBER", "party_member", "resident");
        assertThat(signUp(resident, partyDay)).isEqualTo("FORBIDDEN");
        assertThat(signUp(party, partyDay)).isEqualTo("CONFIRMED");

        String elsewhere = activity(5, "RESIDENTS", street.communityB);
        assertThat(signUp(resident, elsewhere)).isEqualTo("FORBIDDEN");
        String volunteers = activity(5, "VOLUNTEERS", street.communityA);
        assertThat(signUp(resident, volunteers)).isEqualTo("FORBIDDEN");
        Person volunteer = fx.member("志愿者", street.communityA, "VOLUNTEER", "volunteer", "resident");
        assertThat(signUp(volunteer, volunteers)).isEqualTo("CONFIRMED");

        // "open to me" lists what the resident may join, not community B's
        JsonPath mine = ok(gql(resident.token(), "{ activities(first: 50) { edges { node { id } } } }", Map.of()));
        assertThat(mine.getList("data.activities.edges.node.id")).contains(partyDay, volunteers).doesNotContain(elsewhere);
    }

    @Test
    void badInputAndForeignOrganizersAreRefused() {
        Map<String, Object> good = vars("organizerId", TestStreet.orgId(street.communityA), "kind", "RED_CULTURE", "title", "参观红色教育基地",
                "place", "纪念馆", "startsAt", at(60), "endsAt", at(120), "capacity", 20, "audience", "RESIDENTS");
        assertThat(fieldOf(street.adminAToken(), with(good, "endsAt", at(30)))).isEqualTo("endsAt");
        assertThat(fieldOf(street.adminAToken(), with(good, "capacity", 0))).isEqualTo("capacity");
        assertThat(fieldOf(street.adminAToken(), with(good, "title", " "))).isEqualTo("title");
        assertThat(fieldOf(street.adminAToken(), with(good, "points", -1))).isEqualTo("points");
        assertThat(fieldOf(street.adminAToken(), with(good, "organizerId", "bm9wZQ"))).isEqualTo("organizerId");
        assertThat(code(gql(street.adminBToken(), CREATE, vars("input", good)))).isEqualTo("FORBIDDEN");
        assertThat(code(gql(street.residentAToken(), CREATE, vars("input", good)))).isEqualTo("FORBIDDEN");
        assertThat(code(gql(street.residentAToken(), SIGN_UP, input("activityId", TestStreet.id("Activity", 987654321L)))))
                .isEqualTo("NOT_FOUND");
        assertThat(code(gql(street.residentAToken(), CHECK_IN, input("activityId", TestStreet.id("Activity", 1L)))))
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anActivityWithAVenueBooksItsSlotAndAnOverlapIsRefused() {
        String venue = ok(gql(street.streetAdminToken(), """
                mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }""",
                input("kind", "VENUE", "name", "党群服务中心多功能厅", "categories", List.of("OTHER"),
                        "providerOrganizationId", TestStreet.orgId(street.communityA), "coverageId", TestStreet.orgId(street.communityA))))
                .getString("data.createResource.resource.id");
        Map<String, Object> in = vars("organizerId", TestStreet.orgId(street.communityA), "kind", "JOINT_MEETING", "title", "三方联席会议",
                "place", "多功能厅", "venueResourceId", venue, "startsAt", at(60), "endsAt", at(120), "capacity", 20, "audience", "RESIDENTS");
        String first = ok(gql(street.adminAToken(), CREATE, vars("input", in))).getString("data.createActivity.activity.id");
        assertThat(fx.count("""
                select count(*) from resource_allocation ra join activity a on a.venue_allocation_id = ra.id
                where a.id = ? and ra.purpose = 'ACTIVITY' and ra.reference_id = a.id and ra.status = 'RESERVED'
                """, dbId(first))).isEqualTo(1);
        long before = fx.count("select count(*) from activity where tenant_id = ?", street.streetId);
        Map<String, Object> overlapping = with(with(in, "startsAt", at(90)), "endsAt", at(150));
        assertThat(code(gql(street.adminAToken(), CREATE, vars("input", overlapping)))).isEqualTo("CAPACITY_EXHAUSTED");
        assertThat(fx.count("select count(*) from activity where tenant_id = ?", street.streetId)).isEqualTo(before);
        ok(gql(street.adminAToken(), CREATE, vars("input", with(with(in, "startsAt", at(120)), "endsAt", at(180)))));

        // cancelling gives the slot back: the overlapping meeting now fits
        String cancel = """
                mutation($input: CancelActivityInput!) { cancelActivity(input: $input) { activity { status cancelReason } } }""";
        assertThat(code(gql(street.adminBToken(), cancel, input("activityId", first, "reason", "改期")))).isEqualTo("FORBIDDEN");
        JsonPath cancelled = ok(gql(street.adminAToken(), cancel, input("activityId", first, "reason", "改期")));
        assertThat(cancelled.getString("data.cancelActivity.activity.status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("data.cancelActivity.activity.cancelReason")).isEqualTo("改期");
        Person p = fx.member("迟来者", street.communityA, "RESIDENT", "resident");
        assertThat(signUp(p, first)).isEqualTo("INVALID_TRANSITION");
        ok(gql(street.adminAToken(), CREATE, vars("input", with(with(in, "startsAt", at(45)), "endsAt", at(100)))));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static String fieldOf(String token, Map<String, Object> in) {
        JsonPath r = gql(token, CREATE, vars("input", in));
        assertThat(code(r)).isEqualTo("VALIDATION_FAILED");
        return r.getString("errors[0].extensions.field");
    }
}
