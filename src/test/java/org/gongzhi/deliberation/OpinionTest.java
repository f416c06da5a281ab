package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.code;
import static org.gongzhi.deliberation.DeliberationFixture.dbId;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.Concurrently;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Opinions: one current per member (even under concurrent edits), history kept, moderators hide with a reason. */
@GraphQLTest
class OpinionTest {

    static final String OPINIONS = """
            query($id: ID!) { deliberation(id: $id) { opinions(first: 20) { totalCount edges { node {
              id stance body hidden hiddenReason earlierVersions author { name } } } } } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    private String consulting(String title) {
        String id = fx.propose(title);
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        return id;
    }

    private static JsonPath give(String token, String id, String stance, String body) {
        return mutate(token, "giveDeliberationOpinion", vars("deliberationId", id, "stance", stance, "body", body));
    }

    @Test
    void anEditReplacesTheCurrentOpinionAndKeepsTheEarlierOne() {
        String id = consulting("公共区域安装充电桩");
        assertThat(code(give(street.residentAToken(), fx.propose("尚未协商"), "SUPPORT", "支持"))).isEqualTo("INVALID_TRANSITION");
        ok(give(street.residentAToken(), id, "SUPPORT", "支持，方便充电"));
        ok(give(street.residentAToken(), id, "NEUTRAL", "担心安全，保留意见"));
        ok(give(street.partyMemberAToken(), id, "SUPPORT", "党员带头支持"));
        assertThat(code(give(street.residentBToken(), id, "OPPOSE", "另一社区"))).isEqualTo("FORBIDDEN");

        JsonPath r = call(street.residentAToken(), OPINIONS, vars("id", id));
        assertThat(r.getLong("data.deliberation.opinions.totalCount")).isEqualTo(2L);
        assertThat(r.getList("data.deliberation.opinions.edges.node.stance")).containsExactly("NEUTRAL", "SUPPORT");
        assertThat(r.getList("data.deliberation.opinions.edges.node.earlierVersions", Integer.class)).containsExactly(1, 0);
        assertThat(fx.count("select count(*) from deliberation_opinion where deliberation_id = ? and member_id = ?", dbId(id),
                street.residentAId)).isEqualTo(2L);
    }

    @Test
    void concurrentEditsOfOneMemberLeaveExactlyOneCurrentOpinion() throws Exception {
        String id = consulting("小区停车收费");
        List<Integer> edits = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            edits.add(i);
        }
        List<String> outcomes = Concurrently.run(edits, i -> {
            JsonPath r = give(street.residentAToken(), id, i % 2 == 0 ? "SUPPORT" : "OPPOSE", "第" + i + "版意见");
            return r.getList("errors") == null ? "OK" : code(r);
        });
        assertThat(outcomes).containsOnly("OK");
        assertThat(fx.count("select count(*) from deliberation_opinion where deliberation_id = ? and is_current", dbId(id))).isEqualTo(1L);
        assertThat(fx.count("select count(*) from deliberation_opinion where deliberation_id = ?", dbId(id))).isEqualTo(30L);
    }

    @Test
    void aModeratorHidesAnOpinionWithAReasonAndOnlyModeratorsStillReadIt() {
        String id = consulting("楼道小广告");
        ok(give(street.residentAToken(), id, "OPPOSE", "某某是骗子，电话13800000000"));
        String opinion = call(street.residentAToken(), OPINIONS, vars("id", id)).getString("data.deliberation.opinions.edges[0].node.id");
        assertThat(code(mutate(street.partyMemberAToken(), "hideDeliberationOpinion", vars("opinionId", opinion, "reason", "x"))))
                .isEqualTo("FORBIDDEN");
        assertThat(mutate(street.adminAToken(), "hideDeliberationOpinion", vars("opinionId", opinion, "reason", " "))
                .getString("errors[0].extensions.field")).isEqualTo("reason");
        ok(mutate(street.adminAToken(), "hideDeliberationOpinion", vars("opinionId", opinion, "reason", "含个人信息")));
        assertThat(code(mutate(street.adminAToken(), "hideDeliberationOpinion", vars("opinionId", opinion, "reason", "再次"))))
                .isEqualTo("INVALID_TRANSITION");

        assertThat(call(street.partyMemberAToken(), OPINIONS, vars("id", id)).getLong("data.deliberation.opinions.totalCount")).isZero();
        JsonPath admin = call(street.adminAToken(), OPINIONS, vars("id", id));
        assertThat(admin.getBoolean("data.deliberation.opinions.edges[0].node.hidden")).isTrue();
        assertThat(admin.getString("data.deliberation.opinions.edges[0].node.hiddenReason")).isEqualTo("含个人信息");
        assertThat(admin.getString("data.deliberation.opinions.edges[0].node.body")).contains("骗子");
    }
}
