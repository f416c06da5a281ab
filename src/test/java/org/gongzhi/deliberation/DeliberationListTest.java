package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.code;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The list screen: scope of what each caller sees, bad input, and a statement count that does not grow with the list. */
@GraphQLTest
class DeliberationListTest {

    static final String NESTED = """
            query { deliberations(first: 50) { totalCount edges { node {
              id title stage availableActions scope { name } proposer { name } participatingOrganizations { name } linkedNeeds { title }
              referredFrom { id } referrals { id }
              opinions(first: 5) { totalCount edges { node { stance body author { name } } } }
              vote { rule secret tally { participatingUnits quorumReached passing choices { choice count } } myBallot { voted } ballots(first: 5) { totalCount edges { node { choice voter { name } proxy { name } } } } }
              fourSteps { kind status body { name } } publicities { kind objections { body } }
              tasks { title overdue ownerOrganization { name } ownerMember { name } } executionRate { rate }
              budget { totalFen projects { title } } budgetSelection { selectedCostFen } timeline { action at }
            } } } }""";

    @Inject
    DataSource ds;
    @Inject
    EntityManagerFactory emf;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    private void populate(TestStreet s, DeliberationFixture f, int n) {
        for (int i = 0; i < n; i++) {
            String id = f.propose(s.adminAToken(), vars("scopeId", TestStreet.orgId(s.communityA), "title", "议题" + i,
                    "background", "背景" + i, "kind", i % 2 == 0 ? "RESIDENTS_COUNCIL" : "FOUR_DELIBERATIONS"));
            ok(advance(s.adminAToken(), id, "OPEN_CONSULTATION"));
            ok(mutate(s.residentAToken(), "giveDeliberationOpinion", vars("deliberationId", id, "stance", "SUPPORT", "body", "支持" + i)));
            if (i % 2 == 0) {
                ok(mutate(s.adminAToken(), "openDeliberationVoting", vars("deliberationId", id)));
                ok(mutate(s.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR")));
            }
        }
    }

    private long statements(String token, int expected) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        JsonPath r = call(token, NESTED);
        long count = stats.getPrepareStatementCount();
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getList("data.deliberations.edges")).hasSize(expected);
        return count;
    }

    @Test
    void aNestedListIssuesTheSameNumberOfStatementsForTwoOrTwentyDeliberations() {
        populate(street, fx, 2);
        TestStreet large = new TestStreet(ds);
        populate(large, new DeliberationFixture(ds, large), 20);
        long small = statements(street.adminAToken(), 2);
        long big = statements(large.adminAToken(), 20);
        assertThat(big).isEqualTo(small);
        assertThat(big).isLessThanOrEqualTo(40);
    }

    @Test
    void eachCallerSeesTheirCommunityTheStreetAndWhatTheyServe() {
        String a = fx.propose("A社区议题");
        String streetWide = fx.propose(street.streetAdminToken(), vars("scopeId", TestStreet.orgId(street.streetId), "title", "全街道议题",
                "background", "x", "kind", "HEARING"));
        String b = fx.propose(street.adminBToken(), vars("scopeId", TestStreet.orgId(street.communityB), "title", "B社区议题",
                "background", "x", "kind", "RESIDENTS_COUNCIL"));
        String list = "{ deliberations(first: 20) { totalCount edges { node { id } } } }";
        assertThat(call(street.residentAToken(), list).getList("data.deliberations.edges.node.id")).containsExactlyInAnyOrder(a, streetWide);
        assertThat(call(street.residentBToken(), list).getList("data.deliberations.edges.node.id")).containsExactlyInAnyOrder(b, streetWide);
        assertThat(call(street.streetAdminToken(), list).getList("data.deliberations.edges.node.id")).contains(a, b, streetWide);
        assertThat(code(call(street.residentBToken(), "query($id: ID!) { deliberation(id: $id) { title } }", vars("id", a))))
                .isEqualTo("FORBIDDEN");
        assertThat(code(mutate(street.residentBToken(), "giveDeliberationOpinion", vars("deliberationId", a, "stance", "OPPOSE",
                "body", "x")))).isEqualTo("FORBIDDEN");
        // a resident cannot propose outside their community
        assertThat(code(mutate(street.residentAToken(), "proposeDeliberation", vars("scopeId", TestStreet.orgId(street.communityB),
                "title", "x", "background", "x", "kind", "RESIDENTS_COUNCIL")))).isEqualTo("FORBIDDEN");
        assertThat(code(call(null, list))).isEqualTo("UNAUTHENTICATED");
        String filtered = "query($u: ID!) { deliberations(filter: { underId: $u, stage: PROPOSED }) { totalCount } }";
        assertThat(call(street.streetAdminToken(), filtered, vars("u", TestStreet.orgId(street.communityB)))
                .getLong("data.deliberations.totalCount")).isEqualTo(1L);
    }

    @Test
    void badInputIsRefusedWithTheOffendingField() {
        String id = fx.propose("输入校验");
        assertThat(mutate(street.adminAToken(), "proposeDeliberation", vars("scopeId", TestStreet.orgId(street.communityA),
                "title", "x".repeat(101), "background", "x", "kind", "HEARING")).getString("errors[0].extensions.field")).isEqualTo("title");
        assertThat(mutate(street.adminAToken(), "proposeDeliberation", vars("scopeId", TestStreet.orgId(street.communityA),
                "title", "x", "background", " ", "kind", "HEARING")).getString("errors[0].extensions.field")).isEqualTo("background");
        assertThat(mutate(street.adminAToken(), "proposeDeliberation", vars("scopeId", TestStreet.id("Member", 1), "title", "x",
                "background", "x", "kind", "HEARING")).getString("errors[0].extensions.field")).isEqualTo("scopeId");
        assertThat(mutate(street.adminAToken(), "proposeDeliberation", vars("scopeId", TestStreet.orgId(street.communityA),
                "title", "x", "background", "x", "kind", "HEARING", "attachmentUrls", java.util.List.of("ftp://x")))
                .getString("errors[0].extensions.field")).isEqualTo("attachmentUrls");
        assertThat(mutate(street.adminAToken(), "advanceDeliberation", vars("deliberationId", "not-an-id", "action", "ARCHIVE"))
                .getString("errors[0].extensions.field")).isEqualTo("deliberationId");
        assertThat(mutate(street.adminAToken(), "advanceDeliberation", vars("deliberationId", id, "action", "PUBLICIZE"))
                .getString("errors[0].extensions.field")).isEqualTo("action");
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        assertThat(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "quorumPercent", 0))
                .getString("errors[0].extensions.field")).isEqualTo("quorumPercent");
        assertThat(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "eligibility", "RESIDENTS",
                "rule", "OWNERS_DOUBLE_MAJORITY")).getString("errors[0].extensions.field")).isEqualTo("rule");
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id)));
        assertThat(mutate(street.residentAToken(), "castVote", vars("deliberationId", id)).getString("errors[0].extensions.field"))
                .isEqualTo("choice");
        assertThat(call(street.adminAToken(), "{ deliberations(first: -1) { totalCount } }").getString("errors[0].extensions.field"))
                .isEqualTo("first");
        // the same idempotency key replays instead of casting twice
        JsonPath first = mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR", "idempotencyKey", "k1"));
        JsonPath again = mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR", "idempotencyKey", "k1"));
        assertThat(first.getBoolean("data.castVote.replayed")).isFalse();
        assertThat(again.getBoolean("data.castVote.replayed")).isTrue();
        assertThat(fx.count("select count(*) from vote_ballot b join deliberation_vote v on v.id = b.vote_id where v.deliberation_id = ?",
                DeliberationFixture.dbId(id))).isEqualTo(1L);
    }
}
