package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.code;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.deliberation.DeliberationFixture.Member;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** 四议两公开: four steps strictly in order, the vote as the fourth, then publicity with its objection window. */
@GraphQLTest
class FourDeliberationsTest {

    static final String STEPS = """
            query($id: ID!) { deliberation(id: $id) { stage outcome fourSteps { seq kind status eligibleCount attendedCount forCount body { id } }
              publicities { kind objectionsOpen displayOver unansweredObjections objections { id body answer mine } } } }""";

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

    private JsonPath start(String id, String step) {
        return mutate(street.adminAToken(), "startFourDeliberationStep", vars("deliberationId", id, "step", step));
    }

    private JsonPath conclude(String id, String step, Integer eligible, int attended, int yes, int no) {
        Map<String, Object> input = vars("deliberationId", id, "step", step, "attendedCount", attended, "forCount", yes,
                "againstCount", no, "abstainCount", 0, "note", "会议纪要");
        if (eligible != null) {
            input.put("eligibleCount", eligible);
        }
        return mutate(street.adminAToken(), "concludeFourDeliberationStep", input);
    }

    private String fourDeliberations() {
        String id = fx.propose(street.adminAToken(), vars("scopeId", TestStreet.orgId(street.communityA), "title", "老旧小区改造资金使用",
                "background", "使用专项资金120万元改造管网", "kind", "FOUR_DELIBERATIONS", "majorMatter", true, "majorCategory", "LARGE_FUND"));
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        return id;
    }

    @Test
    void theFourStepsRunStrictlyInOrderAndEachMustPass() {
        fx.people(4, "PARTY_MEMBER", "pm"); // with party member A: 5 party members in community A
        List<Member> reps = fx.people(3, "RESIDENTS_REPRESENTATIVE", "rep");
        String id = fourDeliberations();

        assertThat(code(start(id, "TWO_COMMITTEES_CONSULTATION"))).isEqualTo("INVALID_TRANSITION");
        assertThat(start(id, "REPRESENTATIVES_RESOLUTION").getString("errors[0].extensions.field")).isEqualTo("step");
        assertThat(code(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id)))).isEqualTo("INVALID_TRANSITION");
        assertThat(code(mutate(street.residentAToken(), "startFourDeliberationStep", vars("deliberationId", id,
                "step", "PARTY_BRANCH_PROPOSAL")))).isEqualTo("FORBIDDEN");

        ok(start(id, "PARTY_BRANCH_PROPOSAL"));
        assertThat(code(conclude(id, "PARTY_BRANCH_PROPOSAL", 7, 8, 5, 1))).isEqualTo("VALIDATION_FAILED"); // more attended than eligible
        ok(conclude(id, "PARTY_BRANCH_PROPOSAL", 7, 6, 5, 1));
        assertThat(code(start(id, "PARTY_MEMBERS_REVIEW"))).isEqualTo("INVALID_TRANSITION");

        ok(start(id, "TWO_COMMITTEES_CONSULTATION"));
        ok(conclude(id, "TWO_COMMITTEES_CONSULTATION", 7, 3, 3, 0)); // fewer than half present: fails
        assertThat(code(start(id, "PARTY_MEMBERS_REVIEW"))).isEqualTo("INVALID_TRANSITION");
        ok(start(id, "TWO_COMMITTEES_CONSULTATION")); // a failed step is held again
        ok(conclude(id, "TWO_COMMITTEES_CONSULTATION", 7, 6, 6, 0));

        ok(start(id, "PARTY_MEMBERS_REVIEW"));
        ok(conclude(id, "PARTY_MEMBERS_REVIEW", null, 4, 3, 1)); // eligible comes from the party roll: 5

        JsonPath open = ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "eligibility", "RESIDENTS")
                .entrySet().stream().filter(e -> !e.getKey().equals("eligibility"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        assertThat(open.getString("data.openDeliberationVoting.deliberation.stage")).isEqualTo("VOTING");
        for (Member rep : reps) {
            ok(mutate(rep.token(), "castVote", vars("deliberationId", id, "choice", "FOR")));
        }
        ok(advance(street.adminAToken(), id, "CLOSE_VOTING"));

        JsonPath r = call(street.adminAToken(), STEPS, vars("id", id));
        assertThat(r.getString("data.deliberation.outcome")).isEqualTo("PASSED");
        assertThat(r.getList("data.deliberation.fourSteps.kind")).containsExactly("PARTY_BRANCH_PROPOSAL", "TWO_COMMITTEES_CONSULTATION",
                "PARTY_MEMBERS_REVIEW", "REPRESENTATIVES_RESOLUTION");
        assertThat(r.getList("data.deliberation.fourSteps.status")).containsOnly("PASSED");
        assertThat(r.getInt("data.deliberation.fourSteps[2].eligibleCount")).isEqualTo(5);
        assertThat(r.getInt("data.deliberation.fourSteps[3].eligibleCount")).isEqualTo(3);
        assertThat(r.getInt("data.deliberation.fourSteps[3].forCount")).isEqualTo(3);
        assertThat(r.getString("data.deliberation.fourSteps[0].body.id")).isEqualTo(TestStreet.orgId(street.communityA));
    }

    @Test
    void aFourDeliberationsVoteIsTheRepresentativesMeetingOnly() {
        String id = fourDeliberations();
        for (String step : List.of("PARTY_BRANCH_PROPOSAL", "TWO_COMMITTEES_CONSULTATION")) {
            ok(start(id, step));
            ok(conclude(id, step, 5, 5, 5, 0));
        }
        ok(start(id, "PARTY_MEMBERS_REVIEW"));
        ok(conclude(id, "PARTY_MEMBERS_REVIEW", null, 1, 1, 0));
        assertThat(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "eligibility", "RESIDENTS"))
                .getString("errors[0].extensions.field")).isEqualTo("eligibility");
    }

    @Test
    void objectionsAreTakenOnlyInsideTheWindowAndMustBeAnsweredBeforeImplementation() {
        String id = fx.propose("社区食堂选址");
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id)));
        ok(mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR")));
        ok(advance(street.adminAToken(), id, "CLOSE_VOTING"));
        assertThat(mutate(street.adminAToken(), "publicizeDeliberation", vars("deliberationId", id, "resolution", "x", "displayDays", 2))
                .getString("errors[0].extensions.field")).isEqualTo("displayDays"); // below the 7-day minimum
        ok(mutate(street.adminAToken(), "publicizeDeliberation", vars("deliberationId", id, "resolution", "食堂设在活动中心一楼",
                "displayDays", 7, "objectionDays", 3)));

        ok(mutate(street.residentAToken(), "raiseDeliberationObjection", vars("deliberationId", id, "publicity", "RESOLUTION",
                "body", "一楼油烟影响住户")));
        assertThat(code(mutate(street.residentBToken(), "raiseDeliberationObjection", vars("deliberationId", id, "publicity", "RESOLUTION",
                "body", "外社区")))).isEqualTo("FORBIDDEN");
        time.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(code(mutate(street.partyMemberAToken(), "raiseDeliberationObjection", vars("deliberationId", id,
                "publicity", "RESOLUTION", "body", "太晚了")))).isEqualTo("INVALID_TRANSITION");
        // display period still running
        assertThat(code(advance(street.adminAToken(), id, "START_IMPLEMENTATION"))).isEqualTo("INVALID_TRANSITION");
        time.advance(Duration.ofDays(4));
        // display over, but an objection is unanswered
        JsonPath before = call(street.residentAToken(), STEPS, vars("id", id));
        assertThat(before.getBoolean("data.deliberation.publicities[0].displayOver")).isTrue();
        assertThat(before.getBoolean("data.deliberation.publicities[0].objectionsOpen")).isFalse();
        assertThat(before.getLong("data.deliberation.publicities[0].unansweredObjections")).isEqualTo(1L);
        assertThat(before.getBoolean("data.deliberation.publicities[0].objections[0].mine")).isTrue();
        assertThat(code(advance(street.adminAToken(), id, "START_IMPLEMENTATION"))).isEqualTo("INVALID_TRANSITION");

        String objection = before.getString("data.deliberation.publicities[0].objections[0].id");
        assertThat(code(mutate(street.residentAToken(), "answerDeliberationObjection", vars("objectionId", objection, "answer", "x"))))
                .isEqualTo("FORBIDDEN");
        ok(mutate(street.adminAToken(), "answerDeliberationObjection", vars("objectionId", objection, "answer", "将加装油烟净化设备")));
        assertThat(ok(advance(street.adminAToken(), id, "START_IMPLEMENTATION")).getString("data.advanceDeliberation.deliberation.stage"))
                .isEqualTo("IMPLEMENTING");
    }
}
