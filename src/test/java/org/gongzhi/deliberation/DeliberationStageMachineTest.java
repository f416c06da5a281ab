package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.code;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The stage machine: every (step, stage) pair outside the table is INVALID_TRANSITION; every row of the table works. */
@GraphQLTest
class DeliberationStageMachineTest {

    @Inject
    DataSource ds;
    @Inject
    TimeSource time;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    @AfterEach
    void clock() {
        time.reset();
    }

    /** A valid call of each step's mutation (what is checked is only the stage). */
    private JsonPath attempt(String action, String id) {
        String admin = street.adminAToken();
        return switch (action) {
            case "OPEN_VOTING" -> mutate(admin, "openDeliberationVoting", vars("deliberationId", id));
            case "PUBLICIZE" -> mutate(admin, "publicizeDeliberation", vars("deliberationId", id, "resolution", "决议：同意"));
            case "COMPLETE" -> mutate(admin, "completeDeliberation", vars("deliberationId", id, "result", "已完成"));
            case "WITHDRAW" -> mutate(admin, "withdrawDeliberation", vars("deliberationId", id, "reason", "不再需要"));
            case "REFER" -> mutate(admin, "referDeliberation", vars("deliberationId", id, "direction", "UP"));
            default -> advance(admin, id, action);
        };
    }

    @Test
    void everyStepFromAStageOutsideTheTableIsAnInvalidTransitionAndChangesNothing() {
        JsonPath table = call(street.adminAToken(), "{ deliberationTransitions { action from to performers } }");
        List<Map<String, Object>> rows = table.getList("data.deliberationTransitions");
        assertThat(rows).hasSize(DeliberationTransitions.TABLE.size());
        List<String> stages = List.of(DeliberationStage.values()).stream().map(Enum::name).toList();
        String id = fx.propose("楼道堆物清理");
        int checked = 0;
        for (Map<String, Object> row : rows) {
            String action = (String) row.get("action");
            @SuppressWarnings("unchecked")
            List<String> from = (List<String>) row.get("from");
            if (from.isEmpty()) {
                continue; // PROPOSE creates
            }
            for (String stage : stages) {
                if (from.contains(stage)) {
                    continue;
                }
                fx.setStage(id, stage);
                JsonPath r = attempt(action, id);
                assertThat(code(r)).as(action + " from " + stage).isEqualTo("INVALID_TRANSITION");
                assertThat(fx.stage(id)).as(action + " from " + stage + " left the stage").isEqualTo(stage);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(fx.count("select count(*) from deliberation where referred_from_id = ?", DeliberationFixture.dbId(id))).isZero();
    }

    @Test
    void aResolutionWalksEveryStageFromProposalToArchiveWithItsGuards() {
        String id = fx.propose(street.residentAToken(), vars("scopeId", TestStreet.orgId(street.communityA), "title", "增设非机动车棚",
                "background", "电动车乱停，希望增设车棚", "kind", "RESIDENTS_COUNCIL"));
        assertThat(fx.stage(id)).isEqualTo("PROPOSED");
        // a resident proposes, the community runs it
        assertThat(code(advance(street.residentAToken(), id, "OPEN_CONSULTATION"))).isEqualTo("FORBIDDEN");
        assertThat(code(advance(street.adminBToken(), id, "OPEN_CONSULTATION"))).isEqualTo("FORBIDDEN");
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "eligibility", "RESIDENTS")));
        ok(mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR")));
        JsonPath closed = ok(advance(street.adminAToken(), id, "CLOSE_VOTING"));
        assertThat(closed.getString("data.advanceDeliberation.deliberation.stage")).isEqualTo("DECIDED");
        assertThat(closed.getString("data.advanceDeliberation.deliberation.outcome")).isEqualTo("PASSED");
        ok(mutate(street.adminAToken(), "publicizeDeliberation", vars("deliberationId", id, "resolution", "同意增设车棚")));
        // the minimum display period is not over yet
        assertThat(code(advance(street.adminAToken(), id, "START_IMPLEMENTATION"))).isEqualTo("INVALID_TRANSITION");
        time.advance(Duration.ofDays(8));
        ok(advance(street.adminAToken(), id, "START_IMPLEMENTATION"));
        ok(mutate(street.adminAToken(), "completeDeliberation", vars("deliberationId", id, "result", "车棚已建成")));
        assertThat(code(advance(street.adminAToken(), id, "ARCHIVE"))).isEqualTo("INVALID_TRANSITION");
        time.advance(Duration.ofDays(8));
        JsonPath archived = ok(advance(street.adminAToken(), id, "ARCHIVE"));
        assertThat(archived.getString("data.advanceDeliberation.deliberation.stage")).isEqualTo("ARCHIVED");
        assertThat(archived.getList("data.advanceDeliberation.deliberation.availableActions")).isEmpty();

        List<String> actions = new ArrayList<>();
        for (List<Object> r : fx.rows("select action from deliberation_event where deliberation_id = ? order by id", DeliberationFixture.dbId(id))) {
            actions.add((String) r.get(0));
        }
        assertThat(actions).containsSubsequence("PROPOSE", "OPEN_CONSULTATION", "OPEN_VOTING", "CLOSE_VOTING", "PUBLICIZE",
                "START_IMPLEMENTATION", "COMPLETE", "ARCHIVE");
        assertThat(fx.count("select count(*) from audit_entry where entity_type = 'Deliberation' and entity_id = ?",
                DeliberationFixture.dbId(id))).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aRejectedResolutionIsArchivedNotPublicised() {
        String id = fx.propose("改造小广场");
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id)));
        ok(mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "AGAINST")));
        assertThat(ok(advance(street.adminAToken(), id, "CLOSE_VOTING")).getString("data.advanceDeliberation.deliberation.outcome"))
                .isEqualTo("REJECTED");
        assertThat(code(mutate(street.adminAToken(), "publicizeDeliberation", vars("deliberationId", id, "resolution", "x"))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(ok(advance(street.adminAToken(), id, "ARCHIVE")).getString("data.advanceDeliberation.deliberation.stage"))
                .isEqualTo("ARCHIVED");
    }

    @Test
    void theProposerMayWithdrawBeforeVotingButNotAfter() {
        String id = fx.propose(street.residentAToken(), vars("scopeId", TestStreet.orgId(street.gridA), "title", "楼下噪音",
                "background", "广场舞噪音扰民", "kind", "RESIDENTS_COUNCIL"));
        assertThat(code(mutate(street.residentBToken(), "withdrawDeliberation", vars("deliberationId", id, "reason", "x"))))
                .isEqualTo("FORBIDDEN");
        JsonPath r = ok(mutate(street.residentAToken(), "withdrawDeliberation", vars("deliberationId", id, "reason", "已协商解决")));
        assertThat(r.getString("data.withdrawDeliberation.deliberation.stage")).isEqualTo("WITHDRAWN");

        String voting = fx.propose("加装电梯");
        ok(advance(street.adminAToken(), voting, "OPEN_CONSULTATION"));
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", voting)));
        assertThat(code(mutate(street.adminAToken(), "withdrawDeliberation", vars("deliberationId", voting, "reason", "x"))))
                .isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void aReferralUpOrDownCreatesALinkedDeliberationOneLevelAway() {
        String up = fx.propose("跨社区道路改造");
        JsonPath r = ok(mutate(street.adminAToken(), "referDeliberation", vars("deliberationId", up, "direction", "UP", "note", "涉及两个社区")));
        assertThat(r.getString("data.referDeliberation.deliberation.stage")).isEqualTo("REFERRED");
        JsonPath linked = call(street.streetAdminToken(), "query($id: ID!) { deliberation(id: $id) { referrals { id stage referralDirection "
                + "scope { id } referredFrom { id } } } }", vars("id", up));
        assertThat(linked.getString("data.deliberation.referrals[0].scope.id")).isEqualTo(TestStreet.orgId(street.streetId));
        assertThat(linked.getString("data.deliberation.referrals[0].referralDirection")).isEqualTo("UP");
        assertThat(linked.getString("data.deliberation.referrals[0].stage")).isEqualTo("PROPOSED");
        assertThat(linked.getString("data.deliberation.referrals[0].referredFrom.id")).isEqualTo(up);

        String down = fx.propose("网格内绿化补种");
        // down goes to a direct child only
        assertThat(code(mutate(street.adminAToken(), "referDeliberation", vars("deliberationId", down, "direction", "DOWN",
                "targetOrganizationId", TestStreet.orgId(street.gridB))))).isEqualTo("VALIDATION_FAILED");
        ok(mutate(street.adminAToken(), "referDeliberation", vars("deliberationId", down, "direction", "DOWN",
                "targetOrganizationId", TestStreet.orgId(street.gridA))));
        assertThat(fx.one("select scope_org_id from deliberation where referred_from_id = ?", DeliberationFixture.dbId(down)))
                .isEqualTo(street.gridA);
    }

    @Test
    void aMajorMatterMustUseTheFourDeliberationsAndJointMeetingsNameTheirParties() {
        Map<String, Object> input = new HashMap<>(vars("scopeId", TestStreet.orgId(street.communityA), "title", "使用维修基金",
                "background", "外墙维修", "kind", "RESIDENTS_COUNCIL", "majorMatter", true, "majorCategory", "LARGE_FUND"));
        JsonPath r = mutate(street.adminAToken(), "proposeDeliberation", input);
        assertThat(code(r)).isEqualTo("VALIDATION_FAILED");
        assertThat(r.getString("errors[0].extensions.field")).isEqualTo("kind");
        input.put("kind", "FOUR_DELIBERATIONS");
        assertThat(ok(mutate(street.adminAToken(), "proposeDeliberation", input)).getBoolean("data.proposeDeliberation.deliberation.majorMatter"))
                .isTrue();
        // residents do not open a 四议两公开: the party organization proposes it
        input.put("title", "另一项");
        assertThat(code(mutate(street.residentAToken(), "proposeDeliberation", input))).isEqualTo("FORBIDDEN");

        Map<String, Object> joint = new HashMap<>(vars("scopeId", TestStreet.orgId(street.communityA), "title", "物业费调整",
                "background", "三方联席会议", "kind", "JOINT_MEETING"));
        assertThat(mutate(street.adminAToken(), "proposeDeliberation", joint).getString("errors[0].extensions.field"))
                .isEqualTo("participatingOrganizationIds");
        long rc = street.organization(street.communityA, "RESIDENTS_COMMITTEE", "居委会");
        long oc = street.organization(street.communityA, "OWNERS_COMMITTEE", "业委会");
        long pc = street.organization(street.communityA, "PROPERTY_COMPANY", "物业");
        joint.put("participatingOrganizationIds", List.of(TestStreet.orgId(rc), TestStreet.orgId(oc), TestStreet.orgId(pc)));
        String id = fx.propose(street.adminAToken(), joint);
        JsonPath parties = call(street.residentAToken(), "query($id: ID!) { deliberation(id: $id) { participatingOrganizations { kind } } }",
                vars("id", id));
        assertThat(parties.getList("data.deliberation.participatingOrganizations.kind"))
                .containsExactlyInAnyOrder("RESIDENTS_COMMITTEE", "OWNERS_COMMITTEE", "PROPERTY_COMPANY");
    }
}
