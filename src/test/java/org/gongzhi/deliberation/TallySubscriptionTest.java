package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.deliberation.DeliberationFixture.Member;
import org.gongzhi.support.FreshDatabase;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.GraphQLWsClient;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** A screen subscribed to a secret vote receives counts as ballots arrive, and nothing that names a voter. */
@GraphQLTest
class TallySubscriptionTest {

    static final String SUBSCRIPTION = "subscription($id: ID!) { deliberationTallyChanged(deliberationId: $id) { deliberationId eligible "
            + "participating quorumReached choices { key count } } }";

    static final String SUBSCRIPTION_WITH_KIND = "subscription($id: ID!) { deliberationTallyChanged(deliberationId: $id) { kind deliberationId "
            + "eligible participating quorumReached choices { key count } at } }";

    @Inject
    DataSource ds;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    private String secretVote(String title) {
        String id = fx.propose(street.adminAToken(), vars("scopeId", TestStreet.orgId(street.gridA), "title", title, "background", "实时计票",
                "kind", "RESIDENTS_COUNCIL"));
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id, "secret", true)));
        return id;
    }

    @Test
    void aScreenReceivesLiveCountsOfItsVoteOnly() throws Exception {
        List<Member> voters = fx.people(3, "RESIDENT", "live");
        String id = secretVote("实时计票");
        String other = secretVote("另一表决");
        try (GraphQLWsClient ws = GraphQLWsClient.open(street.adminAToken())) {
            ws.subscribe(SUBSCRIPTION, "{\"id\":\"" + id + "\"}");
            JsonPath event = null;
            for (int attempt = 0; attempt < voters.size() && event == null; attempt++) {
                // a ballot in another vote must not arrive
                ok(mutate(voters.get(attempt).token(), "castVote", vars("deliberationId", other, "choice", "AGAINST")));
                ok(mutate(voters.get(attempt).token(), "castVote", vars("deliberationId", id, "choice", "FOR")));
                event = ws.next(Duration.ofSeconds(3));
            }
            assertThat(event).as("no tally arrived over the websocket").isNotNull();
            assertThat(event.getString("type")).isEqualTo("next");
            assertThat(event.getString("payload.data.deliberationTallyChanged.deliberationId")).isEqualTo(id);
            assertThat(event.getLong("payload.data.deliberationTallyChanged.eligible")).isEqualTo(5L);
            assertThat(event.getLong("payload.data.deliberationTallyChanged.participating")).isPositive();
            assertThat(event.prettify()).doesNotContain("voter", TestStreet.memberId(voters.get(0).id()));

            ws.drain();
            ok(mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "AGAINST")));
            JsonPath next = ws.next(Duration.ofSeconds(10));
            assertThat(next).isNotNull();
            assertThat(next.getList("payload.data.deliberationTallyChanged.choices.key")).contains("FOR", "AGAINST", "ABSTAIN");
        }
    }

    @Test
    void afterTheDatabaseDroppedEveryConnectionTheScreenReceivesTheCurrentCountsAsResync() throws Exception {
        List<Member> voters = fx.people(2, "RESIDENT", "resync");
        String id = secretVote("断线重连计票");
        try (GraphQLWsClient ws = GraphQLWsClient.open(street.adminAToken())) {
            ws.subscribe(SUBSCRIPTION_WITH_KIND, "{\"id\":\"" + id + "\"}");
            ok(mutate(voters.get(0).token(), "castVote", vars("deliberationId", id, "choice", "FOR")));
            JsonPath first = ws.next(Duration.ofSeconds(10));
            assertThat(first).as("no tally before the cut").isNotNull();
            assertThat(first.getString("payload.data.deliberationTallyChanged.kind")).isEqualTo("CHANGE");
            assertThat(first.getLong("payload.data.deliberationTallyChanged.participating")).isEqualTo(1L);

            // all backends end; a ballot cast while this pod does not listen (its reconnect waits the test back-off)
            assertThat(FreshDatabase.terminateBackends()).isPositive();
            ok(mutate(voters.get(1).token(), "castVote", vars("deliberationId", id, "choice", "AGAINST")));

            JsonPath resync = null;
            JsonPath last = null;
            for (JsonPath m = ws.next(Duration.ofSeconds(30)); m != null; m = ws.next(resync == null ? Duration.ofSeconds(30) : Duration.ofSeconds(1))) {
                last = m;
                if ("RESYNC".equals(m.getString("payload.data.deliberationTallyChanged.kind"))) {
                    resync = m;
                }
            }
            assertThat(resync).as("no RESYNC after the connection came back").isNotNull();
            assertThat(resync.getString("payload.data.deliberationTallyChanged.deliberationId")).isEqualTo(id);
            assertThat(resync.getLong("payload.data.deliberationTallyChanged.eligible")).isEqualTo(4L);
            // whatever the order of cut, ballot and reconnect, the screen ends with both ballots counted
            assertThat(last.getLong("payload.data.deliberationTallyChanged.participating")).isEqualTo(2L);
            assertThat(resync.getList("payload.data.deliberationTallyChanged.choices.key")).contains("FOR", "AGAINST", "ABSTAIN");
        }
    }

    @Test
    void aResidentOfAnotherCommunityReceivesNoCountsOfIt() throws Exception {
        String id = secretVote("他社区");
        try (GraphQLWsClient ws = GraphQLWsClient.open(street.residentBToken())) {
            ws.subscribe(SUBSCRIPTION, "{\"id\":\"" + id + "\"}");
            ok(mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR")));
            JsonPath r = ws.next(Duration.ofSeconds(3));
            if (r != null) {
                // the refusal may arrive as an error message; counts never do
                assertThat(r.getString("payload.data.deliberationTallyChanged")).isNull();
            }
        }
    }
}
