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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.deliberation.DeliberationFixture.Member;
import org.gongzhi.support.Concurrently;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** One current ballot per voter under real concurrency, and secret ballots that the database itself cannot link. */
@GraphQLTest
class VoteConcurrencyAndSecrecyTest {

    static final String[] CHOICES = {"FOR", "AGAINST", "ABSTAIN"};

    @Inject
    DataSource ds;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    private String voting(boolean secret) {
        String id = fx.propose(street.adminAToken(), vars("scopeId", TestStreet.orgId(street.gridA), "title", secret ? "无记名表决" : "记名表决",
                "background", "并发与保密", "kind", "RESIDENTS_COUNCIL"));
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "eligibility", "RESIDENTS", "secret", secret)));
        return id;
    }

    @Test
    void aThousandConcurrentBallotsWithThirtyPercentRepeatsLeaveExactlyOneCurrentBallotPerVoter() throws Exception {
        List<Member> voters = fx.people(700, "RESIDENT", "voter");
        String id = voting(false);
        Random random = new Random(7);
        List<Member> casts = new ArrayList<>(voters);
        for (int i = 0; i < 300; i++) {
            casts.add(voters.get(random.nextInt(voters.size())));
        }
        java.util.Collections.shuffle(casts, random);
        List<String> tokens = casts.stream().map(m -> m.token()).toList();
        List<String> outcomes = Concurrently.run(tokens, token -> {
            JsonPath r = mutate(token, "castVote", vars("deliberationId", id, "choice", CHOICES[Math.floorMod(token.hashCode(), 3)]));
            return r.getList("errors") == null ? "OK" : code(r);
        });
        assertThat(outcomes).hasSize(1000).containsOnly("OK");

        long vote = (Long) fx.one("select id from deliberation_vote where deliberation_id = ?", dbId(id));
        assertThat(fx.count("select count(*) from vote_ballot where vote_id = ?", vote)).isEqualTo(1000L); // history kept
        assertThat(fx.count("select count(*) from vote_ballot where vote_id = ? and is_current", vote)).isEqualTo(700L);
        assertThat(fx.count("select count(*) from (select unit_id from vote_ballot where vote_id = ? and is_current "
                + "group by unit_id having count(*) > 1) x", vote)).isZero();
        JsonPath t = call(street.adminAToken(), "query($id: ID!) { deliberation(id: $id) { vote { tally { participatingUnits eligibleUnits "
                + "choices { choice count } } } } }", vars("id", id));
        assertThat(t.getLong("data.deliberation.vote.tally.participatingUnits")).isEqualTo(700L);
        assertThat(t.getList("data.deliberation.vote.tally.choices.count", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(700L);
        assertThat(t.getLong("data.deliberation.vote.tally.eligibleUnits")).isEqualTo(702L);
    }

    @Test
    void secretBallotsAreStoredApartWithNothingThatLinksAVoterToAChoice() throws Exception {
        List<Member> voters = fx.people(12, "RESIDENT", "secret");
        String id = voting(true);
        Map<String, Long> expected = new java.util.HashMap<>();
        for (int i = 0; i < voters.size(); i++) {
            String choice = CHOICES[i % 3];
            ok(mutate(voters.get(i).token(), "castVote", vars("deliberationId", id, "choice", choice)));
            expected.merge(choice, 1L, Long::sum);
        }
        long vote = (Long) fx.one("select id from deliberation_vote where deliberation_id = ?", dbId(id));

        // who voted: one participation row per voter, no choice anywhere near it
        assertThat(fx.count("select count(*) from vote_participation where vote_id = ?", vote)).isEqualTo(12L);
        assertThat(fx.count("select count(*) from vote_ballot where vote_id = ?", vote)).isZero();
        assertThat(columns("vote_participation")).containsExactlyInAnyOrder("vote_id", "unit_id", "voter_member_id", "proxy_member_id");
        // what was voted: no voter, no household, no time, no sequence — a random uuid key
        assertThat(columns("vote_secret_choice")).containsExactlyInAnyOrder("id", "vote_id", "choice", "project_ids", "area_sqm", "mix");
        assertThat(fx.count("""
                select count(*) from information_schema.columns where table_schema = current_schema() and table_name = 'vote_secret_choice'
                  and (data_type like 'timestamp%' or data_type in ('date', 'bigint') and column_name <> 'vote_id' or column_default like 'nextval%'
                       or is_identity = 'YES')
                """)).isZero();
        assertThat(fx.rows("""
                select ccu.table_name from information_schema.table_constraints tc
                join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
                where tc.table_name = 'vote_secret_choice' and tc.constraint_type = 'FOREIGN KEY'
                """)).extracting(r -> r.get(0)).containsOnly("deliberation_vote");
        assertThat(fx.one("select data_type from information_schema.columns where table_schema = current_schema() "
                + "and table_name = 'vote_secret_choice' and column_name = 'id'")).isEqualTo("uuid");
        // the transaction that wrote the last participation also rewrote earlier choice rows (the mix): its id names no single choice
        assertThat(fx.count("""
                select count(*) from vote_secret_choice c where c.vote_id = ? and c.xmin = (
                    select p.xmin from vote_participation p where p.vote_id = ? and p.voter_member_id = ?)
                """, vote, vote, voters.get(11).id())).isGreaterThanOrEqualTo(2L);
        // and the counts still come out right
        JsonPath t = call(street.adminAToken(), "query($id: ID!) { deliberation(id: $id) { vote { secret tally { participatingUnits "
                + "choices { choice count } } } } }", vars("id", id));
        assertThat(t.getBoolean("data.deliberation.vote.secret")).isTrue();
        List<Map<String, Object>> counts = t.getList("data.deliberation.vote.tally.choices");
        for (Map<String, Object> c : counts) {
            assertThat(((Number) c.get("count")).longValue()).as((String) c.get("choice")).isEqualTo(expected.get(c.get("choice")));
        }
        // the voter learns only that they voted; a secret ballot is final
        JsonPath mine = call(voters.get(0).token(), "query($id: ID!) { deliberation(id: $id) { vote { myBallot { voted choice castAt } } } }",
                vars("id", id));
        assertThat(mine.getBoolean("data.deliberation.vote.myBallot.voted")).isTrue();
        assertThat(mine.getString("data.deliberation.vote.myBallot.choice")).isNull();
        assertThat(mine.getString("data.deliberation.vote.myBallot.castAt")).isNull();
        assertThat(code(mutate(voters.get(0).token(), "castVote", vars("deliberationId", id, "choice", "AGAINST")))).isEqualTo("CONFLICT");
        assertThat(fx.count("select count(*) from vote_secret_choice where vote_id = ?", vote)).isEqualTo(12L);
    }

    @Test
    void concurrentSecretBallotsOfOneVoterCountOnce() throws Exception {
        Member voter = fx.people(1, "RESIDENT", "twice").get(0);
        String id = voting(true);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(voter.token());
        }
        List<String> outcomes = Concurrently.run(tokens, token -> {
            JsonPath r = mutate(token, "castVote", vars("deliberationId", id, "choice", "FOR"));
            return r.getList("errors") == null ? "OK" : code(r);
        });
        assertThat(outcomes.stream().filter("OK"::equals).count()).isEqualTo(1L);
        assertThat(new HashSet<>(outcomes)).isEqualTo(Set.of("OK", "CONFLICT"));
        long vote = (Long) fx.one("select id from deliberation_vote where deliberation_id = ?", dbId(id));
        assertThat(fx.count("select count(*) from vote_secret_choice where vote_id = ?", vote)).isEqualTo(1L);
    }

    private List<String> columns(String table) {
        return fx.rows("select column_name from information_schema.columns where table_schema = current_schema() and table_name = ?", table)
                .stream().map(r -> (String) r.get(0)).toList();
    }
}
