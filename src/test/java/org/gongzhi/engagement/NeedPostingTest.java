package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.engagement.EngagementFixture.code;
import static org.gongzhi.engagement.EngagementFixture.gql;
import static org.gongzhi.engagement.EngagementFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.engagement.EngagementFixture.Person;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** A rated need posts points to the party member or volunteer who handled it, exactly once per need. */
@GraphQLTest
class NeedPostingTest {

    static final String SUBMIT = """
            mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { need { id } } }""";

    @Inject
    DataSource ds;
    @Inject
    EngagementConfig config;

    TestStreet street;
    EngagementFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new EngagementFixture(ds, street);
    }

    static JsonPath step(String token, String mutation, String inputType, Map<String, Object> in) {
        return gql(token, "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { need { id status } replayed } }",
                vars("input", in));
    }

    String resolvedWishClaimedBy(Person handler) {
        String wish = ok(gql(street.residentAToken(), SUBMIT, vars("input", vars("title", "想要一台收音机", "description", "独居老人想听戏",
                "category", "MICRO_WISH", "kind", "MICRO_WISH")))).getString("data.submitNeed.need.id");
        ok(step(street.gridWorkerAToken(), "acceptNeed", "NeedStepInput", vars("needId", wish)));
        ok(step(handler.token(), "claimNeed", "NeedStepInput", vars("needId", wish)));
        ok(step(handler.token(), "startNeed", "NeedStepInput", vars("needId", wish)));
        ok(step(handler.token(), "resolveNeed", "ResolveNeedInput", vars("needId", wish, "resolutionNote", "已送到家")));
        return wish;
    }

    long needPostings(Person p) {
        return fx.count("select count(*) from ledger_transfer where member_id = ? and kind = 'NEED_RATED'", p.id());
    }

    @Test
    void aRatedMicroWishPostsOnceAcrossRetriesReopeningAndReRating() {
        Person party = fx.member("圆梦党员", street.gridA, "PARTY_MEMBER", "party_member", "resident");
        String wish = resolvedWishClaimedBy(party);

        ok(step(street.residentAToken(), "rateNeed", "RateNeedInput", vars("needId", wish, "rating", 5, "idempotencyKey", "rate-1")));
        JsonPath retry = ok(step(street.residentAToken(), "rateNeed", "RateNeedInput", vars("needId", wish, "rating", 5,
                "idempotencyKey", "rate-1")));
        assertThat(retry.getBoolean("data.rateNeed.replayed")).isTrue();
        assertThat(code(step(street.residentAToken(), "rateNeed", "RateNeedInput", vars("needId", wish, "rating", 5))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(fx.balance(party.id(), LedgerUnit.POINTS)).isEqualTo(config.pointsMicroWish());

        // an objection reopens it; after rectification it is rated again: still one posting
        ok(step(street.residentAToken(), "objectNeed", "NeedReasonInput", vars("needId", wish, "reason", "收音机没有电池")));
        ok(step(party.token(), "resolveNeed", "ResolveNeedInput", vars("needId", wish, "resolutionNote", "已补电池")));
        ok(step(street.residentAToken(), "rateNeed", "RateNeedInput", vars("needId", wish, "rating", 4)));
        assertThat(needPostings(party)).isEqualTo(1);
        assertThat(fx.balance(party.id(), LedgerUnit.POINTS)).isEqualTo(config.pointsMicroWish());
    }

    @Test
    void aLowRatingPostsNothingUntilTheRectifiedNeedIsRatedWell() {
        Person volunteer = fx.member("志愿者", street.communityA, "VOLUNTEER", "volunteer", "resident");
        String wish = resolvedWishClaimedBy(volunteer);
        JsonPath low = ok(step(street.residentAToken(), "rateNeed", "RateNeedInput", vars("needId", wish, "rating", 1)));
        assertThat(low.getString("data.rateNeed.need.status")).isEqualTo("IN_PROGRESS");
        assertThat(needPostings(volunteer)).isZero();
        ok(step(volunteer.token(), "resolveNeed", "ResolveNeedInput", vars("needId", wish, "resolutionNote", "重新办理")));
        ok(step(street.residentAToken(), "rateNeed", "RateNeedInput", vars("needId", wish, "rating", 5)));
        assertThat(needPostings(volunteer)).isEqualTo(1);
    }

    @Test
    void aNeedAssignedToAPartyMemberPostsTheNormalRateAndOneHandledByAnOrganizationPostsNothing() {
        Person party = fx.member("承办党员", street.gridA, "PARTY_MEMBER", "party_member", "resident");
        String need = personalNeed();
        ok(step(street.gridWorkerAToken(), "assignNeed", "AssignNeedInput", vars("needId", need, "memberId", party.gid())));
        ok(step(party.token(), "startNeed", "NeedStepInput", vars("needId", need)));
        ok(step(party.token(), "resolveNeed", "ResolveNeedInput", vars("needId", need, "resolutionNote", "已送餐")));
        ok(step(street.residentAToken(), "rateNeed", "RateNeedInput", vars("needId", need, "rating", 5)));
        assertThat(fx.balance(party.id(), LedgerUnit.POINTS)).isEqualTo(config.pointsNeed());

        long before = fx.count("select count(*) from ledger_transfer where tenant_id = ?", street.streetId);
        String byOrg = personalNeed();
        ok(step(street.gridWorkerAToken(), "assignNeed", "AssignNeedInput", vars("needId", byOrg, "organizationId",
                TestStreet.orgId(street.gridA))));
        ok(step(street.gridWorkerAToken(), "startNeed", "NeedStepInput", vars("needId", byOrg)));
        ok(step(street.gridWorkerAToken(), "resolveNeed", "ResolveNeedInput", vars("needId", byOrg, "resolutionNote", "已处理")));
        ok(step(street.residentAToken(), "rateNeed", "RateNeedInput", vars("needId", byOrg, "rating", 5)));
        assertThat(fx.count("select count(*) from ledger_transfer where tenant_id = ?", street.streetId)).isEqualTo(before);
    }

    private String personalNeed() {
        String need = ok(gql(street.residentAToken(), SUBMIT, vars("input", vars("title", "需要助餐", "description", "行动不便需要送餐",
                "category", "ELDERLY_MEAL", "kind", "PERSONAL_REQUEST")))).getString("data.submitNeed.need.id");
        ok(step(street.gridWorkerAToken(), "acceptNeed", "NeedStepInput", vars("needId", need)));
        return need;
    }
}
