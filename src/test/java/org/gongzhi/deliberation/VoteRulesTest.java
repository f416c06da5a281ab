package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.code;
import static org.gongzhi.deliberation.DeliberationFixture.dbId;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.deliberation.DeliberationFixture.Member;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Eligibility rules, proxy ballots and the owners' double majority of Civil Code art. 278. */
@GraphQLTest
class VoteRulesTest {

    @Inject
    DataSource ds;

    @Inject
    BusinessCalendar calendar;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    /** A deliberation of grid A in VOTING under the given rules. */
    private String voting(Map<String, Object> rules) {
        String id = fx.propose(street.adminAToken(), vars("scopeId", TestStreet.orgId(street.gridA), "title", "表决" + rules,
                "background", "测试表决规则", "kind", "RESIDENTS_COUNCIL"));
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        Map<String, Object> input = new HashMap<>(rules);
        input.put("deliberationId", id);
        ok(mutate(street.adminAToken(), "openDeliberationVoting", input));
        return id;
    }

    private static JsonPath cast(String token, String id, String choice) {
        return mutate(token, "castVote", vars("deliberationId", id, "choice", choice));
    }

    private String close(String id) {
        return ok(advance(street.adminAToken(), id, "CLOSE_VOTING")).getString("data.advanceDeliberation.deliberation.outcome");
    }

    private JsonPath tally(String token, String id) {
        return call(token, "query($id: ID!) { deliberation(id: $id) { vote { eligibility rule secret tally { eligibleUnits eligibleArea "
                + "participatingUnits participatingArea quorumReached passing choices { choice count area } } "
                + "myBallot { eligible voted choice byProxy byHouseholdMember } } } }", vars("id", id));
    }

    @Test
    void residentsOfTheScopeVoteAndOthersDoNot() {
        String id = voting(vars("eligibility", "RESIDENTS"));
        ok(cast(street.residentAToken(), id, "FOR"));
        // the grid worker serves community A but lives elsewhere: not on the roll
        assertThat(code(cast(street.gridWorkerAToken(), id, "FOR"))).isEqualTo("FORBIDDEN");
        // a resident of community B does not even see it
        assertThat(code(cast(street.residentBToken(), id, "FOR"))).isEqualTo("FORBIDDEN");
        JsonPath t = tally(street.residentAToken(), id);
        assertThat(t.getLong("data.deliberation.vote.tally.eligibleUnits")).isEqualTo(2L); // resident A and party member A live in grid A
        assertThat(t.getBoolean("data.deliberation.vote.myBallot.voted")).isTrue();
        assertThat(t.getString("data.deliberation.vote.myBallot.choice")).isEqualTo("FOR");
    }

    @Test
    void onlyRepresentativesVoteInARepresentativesVoteAndAnEndedMandateDoesNotCount() {
        List<Member> reps = fx.people(3, "RESIDENTS_REPRESENTATIVE", "rep");
        fx.exec("update membership set started_on = ?, ended_on = ? where member_id = ?", calendar.today().minusDays(30), calendar.today(),
                reps.get(2).id());
        String id = voting(vars("eligibility", "REPRESENTATIVES"));
        ok(cast(reps.get(0).token(), id, "FOR"));
        assertThat(code(cast(reps.get(2).token(), id, "FOR"))).isEqualTo("FORBIDDEN");
        assertThat(code(cast(street.residentAToken(), id, "FOR"))).isEqualTo("FORBIDDEN");
        assertThat(tally(street.adminAToken(), id).getLong("data.deliberation.vote.tally.eligibleUnits")).isEqualTo(2L);
    }

    @Test
    void onlyPartyMembersVoteInAPartyMembersVote() {
        String id = voting(vars("eligibility", "PARTY_MEMBERS"));
        ok(cast(street.partyMemberAToken(), id, "FOR"));
        assertThat(code(cast(street.residentAToken(), id, "FOR"))).isEqualTo("FORBIDDEN");
        assertThat(tally(street.adminAToken(), id).getLong("data.deliberation.vote.tally.eligibleUnits")).isEqualTo(1L);
    }

    @Test
    void oneBallotPerHouseholdWhateverMemberCastsIt() {
        String id = voting(vars("eligibility", "HOUSEHOLDS"));
        ok(cast(street.residentAToken(), id, "FOR"));
        // the party member lives in the same household: the household has voted
        assertThat(code(cast(street.partyMemberAToken(), id, "AGAINST"))).isEqualTo("CONFLICT");
        // the voter may change the household's ballot until the vote closes; the first one stays as history
        ok(cast(street.residentAToken(), id, "AGAINST"));
        JsonPath t = tally(street.partyMemberAToken(), id);
        assertThat(t.getLong("data.deliberation.vote.tally.eligibleUnits")).isEqualTo(1L);
        assertThat(t.getLong("data.deliberation.vote.tally.participatingUnits")).isEqualTo(1L);
        assertThat(t.getBoolean("data.deliberation.vote.myBallot.byHouseholdMember")).isTrue();
        long vote = (Long) fx.one("select id from deliberation_vote where deliberation_id = ?", dbId(id));
        assertThat(fx.count("select count(*) from vote_ballot where vote_id = ?", vote)).isEqualTo(2L);
        assertThat(fx.count("select count(*) from vote_ballot where vote_id = ? and is_current", vote)).isEqualTo(1L);
        String ballots = "query($id: ID!) { deliberation(id: $id) { vote { ballots(includeHistory: true) { totalCount edges { node { "
                + "choice current voter { id } } } } } } }";
        JsonPath admin = call(street.adminAToken(), ballots, vars("id", id));
        assertThat(admin.getLong("data.deliberation.vote.ballots.totalCount")).isEqualTo(2L);
        assertThat(admin.getList("data.deliberation.vote.ballots.edges.node.choice")).containsExactly("FOR", "AGAINST");
        assertThat(admin.getList("data.deliberation.vote.ballots.edges.node.current")).containsExactly(false, true);
        assertThat(admin.getList("data.deliberation.vote.ballots.edges.node.voter.id")).containsOnly(TestStreet.memberId(street.residentAId));
        assertThat(call(street.residentAToken(), ballots, vars("id", id)).getString("data.deliberation.vote.ballots")).isNull();
    }

    @Test
    void ownersVoteWeightedByTheFloorAreaTheyOwn() {
        List<Member> owners = owners(new int[] {120, 80});
        String id = voting(vars("eligibility", "OWNERS"));
        assertThat(code(cast(street.residentAToken(), id, "FOR"))).isEqualTo("FORBIDDEN");
        ok(cast(owners.get(0).token(), id, "FOR"));
        JsonPath t = tally(street.adminAToken(), id);
        assertThat(t.getString("data.deliberation.vote.rule")).isEqualTo("OWNERS_DOUBLE_MAJORITY");
        assertThat(new BigDecimal(t.getString("data.deliberation.vote.tally.eligibleArea"))).isEqualByComparingTo("200");
        assertThat(new BigDecimal(t.getString("data.deliberation.vote.tally.participatingArea"))).isEqualByComparingTo("120");
    }

    @Test
    void aGridWorkerCastsAProxyBallotForAnElderlyResidentAndTheProxyIsRecorded() {
        String id = voting(vars("eligibility", "RESIDENTS"));
        assertThat(code(mutate(street.partyMemberAToken(), "castVote", vars("deliberationId", id, "choice", "FOR",
                "voterId", TestStreet.memberId(street.residentAId))))).isEqualTo("FORBIDDEN");
        ok(mutate(street.gridWorkerAToken(), "castVote", vars("deliberationId", id, "choice", "FOR",
                "voterId", TestStreet.memberId(street.residentAId))));
        assertThat(fx.rows("select voter_member_id, proxy_member_id from vote_ballot b join deliberation_vote v on v.id = b.vote_id "
                + "where v.deliberation_id = ?", dbId(id)).get(0)).containsExactly(street.residentAId, street.gridWorkerAId);
        assertThat(tally(street.residentAToken(), id).getBoolean("data.deliberation.vote.myBallot.byProxy")).isTrue();
    }

    // ------------------------------------------------------------------ Civil Code art. 278

    /** A crafted compound in grid A: four small flats of 50 m² and one large unit of 400 m² (600 m², 5 owners). */
    private List<Member> compound() {
        return owners(new int[] {50, 50, 50, 50, 400});
    }

    private List<Member> owners(int[] areas) {
        List<Member> owners = fx.people(areas.length, "RESIDENT", "owner");
        for (int i = 0; i < areas.length; i++) {
            fx.exec("insert into property_ownership (tenant_id, household_id, member_id, area_sqm, started_on) "
                    + "values (?, ?, ?, ?, " + TestStreet.SINCE + ")",
                    street.streetId, owners.get(i).household(), owners.get(i).id(), areas[i]);
        }
        return owners;
    }

    /** Runs an owners' vote where the owners at {@code forIdx} vote FOR and the rest AGAINST (or not at all). */
    private String ownersVote(List<Member> owners, boolean major, List<Integer> forIdx, List<Integer> againstIdx) {
        String id = voting(vars("eligibility", "OWNERS", "majorMatter", major));
        for (int i : forIdx) {
            ok(cast(owners.get(i).token(), id, "FOR"));
        }
        for (int i : againstIdx) {
            ok(cast(owners.get(i).token(), id, "AGAINST"));
        }
        return id;
    }

    @Test
    void aMatterThatWinsTheHeadcountButLosesTheAreaFails() {
        List<Member> owners = compound();
        String id = ownersVote(owners, false, List.of(0, 1, 2, 3), List.of(4)); // 4/5 owners, 200/600 m²
        assertThat(tally(street.adminAToken(), id).getBoolean("data.deliberation.vote.tally.quorumReached")).isTrue();
        assertThat(close(id)).isEqualTo("REJECTED");
    }

    @Test
    void aMatterThatWinsTheAreaButLosesTheHeadcountFails() {
        List<Member> owners = compound();
        String id = ownersVote(owners, false, List.of(4), List.of(0, 1, 2, 3)); // 400/600 m², 1/5 owners
        assertThat(close(id)).isEqualTo("REJECTED");
    }

    @Test
    void aMatterThatWinsBothMajoritiesPasses() {
        List<Member> owners = compound();
        String id = ownersVote(owners, false, List.of(4, 0, 1), List.of(2, 3)); // 500/600 m², 3/5 owners
        assertThat(close(id)).isEqualTo("PASSED");
    }

    @Test
    void withoutTwoThirdsOfTheAreaTakingPartThereIsNoQuorumWhateverTheHeadcount() {
        List<Member> owners = compound();
        String id = ownersVote(owners, false, List.of(0, 1, 2, 3), List.of()); // 4/5 owners take part but only 200/600 m²
        JsonPath t = tally(street.adminAToken(), id);
        assertThat(t.getBoolean("data.deliberation.vote.tally.quorumReached")).isFalse();
        assertThat(close(id)).isEqualTo("REJECTED");
    }

    @Test
    void aMajorMatterNeedsThreeQuartersOfBothAreaAndOwners() {
        List<Member> owners = compound();
        String ordinaryWin = ownersVote(owners, true, List.of(4, 0, 1), List.of(2, 3)); // 83% of area, 60% of owners
        assertThat(close(ordinaryWin)).isEqualTo("REJECTED");
        String majorWin = ownersVote(owners, true, List.of(4, 0, 1, 2), List.of(3)); // 92% of area, 80% of owners
        assertThat(close(majorWin)).isEqualTo("PASSED");
    }

    @Test
    void twoThirdsRuleCountsAbstentionsAsCast() {
        List<Member> voters = fx.people(3, "RESIDENTS_REPRESENTATIVE", "tt");
        String id = voting(vars("eligibility", "REPRESENTATIVES", "rule", "TWO_THIRDS"));
        ok(cast(voters.get(0).token(), id, "FOR"));
        ok(cast(voters.get(1).token(), id, "FOR"));
        ok(cast(voters.get(2).token(), id, "ABSTAIN"));
        assertThat(close(id)).isEqualTo("PASSED"); // 2 of 3 cast: exactly two thirds
    }
}
