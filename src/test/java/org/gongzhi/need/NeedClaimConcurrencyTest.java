package org.gongzhi.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.need.NeedFixture.code;
import static org.gongzhi.need.NeedFixture.dbId;
import static org.gongzhi.need.NeedFixture.mutate;
import static org.gongzhi.support.GraphQL.vars;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.Concurrently;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Micro-wishes are first come, first served, and ClaimLimit caps one member's open claims — under real concurrency. */
@GraphQLTest
class NeedClaimConcurrencyTest {

    @Inject
    DataSource ds;
    @Inject
    NeedConfig config;

    TestStreet street;
    NeedFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new NeedFixture(ds, street);
    }

    @Test
    void twoHundredConcurrentClaimsOfOneWishLeaveExactlyOneClaimer() throws Exception {
        String wish = publishedWish("想要一套儿童绘本");
        List<String> claimers = fx.members(200, "VOLUNTEER", "wish-claimer-");
        List<String> tokens = claimers.stream().map(s -> NeedFixture.token(s, "volunteer")).toList();

        List<String> outcomes = Concurrently.run(tokens, token -> {
            var r = mutate(token, "claimNeed", vars("needId", wish));
            return r.getList("errors") == null ? "OK:" + r.getString("data.claimNeed.need.status") : code(r);
        });

        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("OK:CLAIMED", 1L, "CONFLICT", 199L));
        assertThat(fx.status(wish)).isEqualTo("CLAIMED");
        assertThat(fx.one("select count(*) from need_event where need_id = ? and kind = 'CLAIMED'", dbId(wish))).isEqualTo(1L);
        assertThat(fx.one("select claimer_member_id is not null from need where id = ?", dbId(wish))).isEqualTo(true);
    }

    @Test
    void aMemberHoldsAtMostTheConfiguredNumberOfOpenClaimsEvenWhenClaimingConcurrently() throws Exception {
        int limit = config.maxOpenClaims();
        List<String> wishes = new ArrayList<>();
        for (int i = 0; i < limit + 5; i++) {
            wishes.add(publishedWish("微心愿" + i));
        }
        String subject = fx.members(1, "PARTY_MEMBER", "eager-").get(0);
        String token = NeedFixture.token(subject, "party_member", "resident");

        List<String> outcomes = Concurrently.run(wishes, wish -> {
            var r = mutate(token, "claimNeed", vars("needId", wish));
            return r.getList("errors") == null ? "OK" : code(r);
        });
        assertThat(outcomes.stream().filter("OK"::equals).count()).isEqualTo(limit);
        assertThat(outcomes.stream().filter("CAPACITY_EXHAUSTED"::equals).count()).isEqualTo(5);

        // finishing one frees a slot
        String held = wishes.stream().filter(w -> fx.status(w).equals("CLAIMED")).findFirst().orElseThrow();
        mutate(token, "startNeed", vars("needId", held));
        mutate(token, "resolveNeed", vars("needId", held, "resolutionNote", "已送达"));
        String free = wishes.stream().filter(w -> fx.status(w).equals("ACCEPTED")).findFirst().orElseThrow();
        assertThat(mutate(token, "claimNeed", vars("needId", free)).getString("data.claimNeed.need.status")).isEqualTo("CLAIMED");
        // claiming one's own claim again is a harmless retry
        assertThat(mutate(token, "claimNeed", vars("needId", free)).getList("errors")).isNull();
    }

    @Test
    void aWishMustBeAcceptedBeforeItCanBeClaimed() {
        String wish = fx.submitWish("想学智能手机");
        assertThat(code(mutate(street.partyMemberAToken(), "claimNeed", vars("needId", wish)))).isEqualTo("INVALID_TRANSITION");
        assertThat(fx.status(wish)).isEqualTo("SUBMITTED");
    }

    private String publishedWish(String title) {
        String id = fx.submitWish(title);
        mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", id));
        return id;
    }
}
