package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.code;
import static org.gongzhi.deliberation.DeliberationFixture.dbId;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.GraphQLWsClient;
import org.gongzhi.support.TestStreet;
import org.gongzhi.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The scope organization decides who may take part: opinions and objections come from members whose active
 * membership or household lies in the scope's subtree, members of a joint meeting's participating organizations
 * and the scope's administrators; a neighbour of the same community outside the scope is refused and nothing is
 * stored. A screen outside the scope subscribing to the live tally ends with FORBIDDEN.
 */
@GraphQLTest
class TakingPartTest {

    @Inject
    DataSource ds;

    @Inject
    BusinessCalendar calendar;

    TestStreet street;
    DeliberationFixture fx;
    long gridA2;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
        gridA2 = street.organization(street.communityA, "GRID", "幸福第二网格");
    }

    /** A member of community A with a household and a membership of {@code role} in {@code org}, which may have ended. */
    private String person(String prefix, long grid, long org, String role, boolean ended) {
        long building = fx.count("insert into building (tenant_id, grid_id, community_id, name) values (?, ?, ?, ?) returning id",
                street.streetId, grid, street.communityA, prefix + "楼" + street.tag);
        long household = fx.count("""
                insert into household (tenant_id, building_id, grid_id, community_id, door_number, floor_area_sqm)
                values (?, ?, ?, ?, ?, 80) returning id
                """, street.streetId, building, grid, street.communityA, prefix + "-1");
        long member = fx.count("insert into member (tenant_id, community_id, household_id, name) values (?, ?, ?, ?) returning id",
                street.streetId, street.communityA, household, "成员" + prefix);
        String subject = prefix + "-" + street.tag;
        fx.exec("insert into external_identity (member_id, kind, value) values (?, 'OIDC_SUBJECT', ?)", member, subject);
        fx.exec("insert into membership (tenant_id, member_id, organization_id, role, started_on, ended_on) values (?, ?, ?, ?, ?, ?)",
                street.streetId, member, org, role, calendar.today().minusDays(30), ended ? calendar.today() : null);
        return Tokens.of(subject, "resident");
    }

    private String consultingInGridA(Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(vars("scopeId", TestStreet.orgId(street.gridA), "title", "第一网格楼道改造",
                "background", "第一网格居民议事", "kind", "RESIDENTS_COUNCIL"));
        input.putAll(extra);
        String id = fx.propose(street.adminAToken(), input);
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        return id;
    }

    private static JsonPath give(String token, String id, String body) {
        return mutate(token, "giveDeliberationOpinion", vars("deliberationId", id, "stance", "SUPPORT", "body", body));
    }

    private long opinions(String id) {
        return fx.count("select count(*) from deliberation_opinion where deliberation_id = ?", dbId(id));
    }

    @Test
    void opinionsComeFromTheScopeSubtreeOnly() {
        String id = consultingInGridA(Map.of());
        String neighbour = person("a2", gridA2, gridA2, "RESIDENT", false);
        String movedAway = person("gone", street.gridA, street.gridA, "VOLUNTEER", true);
        String volunteer = person("vol", gridA2, street.gridA, "VOLUNTEER", false);

        // same community, but neither household nor active membership in grid A
        assertThat(code(give(neighbour, id, "第二网格的意见"))).isEqualTo("FORBIDDEN");
        fx.exec("update member set household_id = null where id = (select member_id from external_identity where value = ?)",
                "gone-" + street.tag);
        assertThat(code(give(movedAway, id, "已结束的成员关系"))).isEqualTo("FORBIDDEN");
        assertThat(code(give(street.residentBToken(), id, "另一社区"))).isEqualTo("FORBIDDEN");
        assertThat(opinions(id)).isZero();

        ok(give(street.residentAToken(), id, "住在第一网格"));       // household in grid A
        ok(give(street.partyMemberAToken(), id, "党员，组织关系在第一网格"));
        ok(give(volunteer, id, "在第一网格服务的志愿者"));             // active membership in grid A
        ok(give(street.adminAToken(), id, "社区管理员"));             // administers the scope
        assertThat(opinions(id)).isEqualTo(4L);
    }

    @Test
    void aJointMeetingAlsoHearsItsParticipatingOrganizations() {
        long oc = street.organization(street.communityA, "OWNERS_COMMITTEE", "业委会");
        long pc = street.organization(street.communityA, "PROPERTY_COMPANY", "物业");
        String id = consultingInGridA(Map.of("kind", "JOINT_MEETING", "participatingOrganizationIds",
                List.of(TestStreet.orgId(oc), TestStreet.orgId(pc))));
        String owner = person("oc", gridA2, oc, "RESIDENTS_REPRESENTATIVE", false);
        String neighbour = person("a2", gridA2, gridA2, "RESIDENT", false);
        ok(give(owner, id, "业委会委员的意见"));
        assertThat(code(give(neighbour, id, "第二网格的意见"))).isEqualTo("FORBIDDEN");
        assertThat(opinions(id)).isEqualTo(1L);
    }

    @Test
    void objectionsComeFromTheScopeSubtreeOnly() {
        String id = consultingInGridA(Map.of());
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "eligibility", "RESIDENTS")));
        ok(mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR")));
        ok(advance(street.adminAToken(), id, "CLOSE_VOTING"));
        ok(mutate(street.adminAToken(), "publicizeDeliberation", vars("deliberationId", id, "resolution", "同意楼道改造")));
        String neighbour = person("a2", gridA2, gridA2, "RESIDENT", false);
        Map<String, Object> objection = vars("deliberationId", id, "publicity", "RESOLUTION", "body", "施工噪音");
        assertThat(code(mutate(neighbour, "raiseDeliberationObjection", objection))).isEqualTo("FORBIDDEN");
        String count = """
                select count(*) from deliberation_objection o join deliberation_publicity p on p.id = o.publicity_id
                where p.deliberation_id = ?""";
        assertThat(fx.count(count, dbId(id))).isZero();
        ok(mutate(street.residentAToken(), "raiseDeliberationObjection", objection));
        assertThat(fx.count(count, dbId(id))).isEqualTo(1L);
    }

    @Test
    void aTallySubscriptionOutsideTheScopeEndsWithForbidden() throws Exception {
        String id = consultingInGridA(Map.of());
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "secret", true)));
        try (GraphQLWsClient ws = GraphQLWsClient.open(street.residentBToken())) {
            ws.subscribe(TallySubscriptionTest.SUBSCRIPTION, "{\"id\":\"" + id + "\"}");
            JsonPath r = ws.next(Duration.ofSeconds(10));
            assertThat(r).as("the refusal never arrived").isNotNull();
            assertThat(r.prettify()).contains("FORBIDDEN");
            String code = "error".equals(r.getString("type")) ? r.getString("payload[0].extensions.code")
                    : r.getString("payload.errors[0].extensions.code");
            assertThat(code).as(r.prettify()).isEqualTo("FORBIDDEN");
        }
    }
}
