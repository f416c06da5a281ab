package org.gongzhi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.util.Map;

import org.gongzhi.support.FreshDatabase;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.GraphQLWsClient;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * A representative slice of the whole application through its public surface only (HTTP, WebSocket and the database
 * the fixtures write to): probes, a signed login, the needs loop, a live vote and the audit chain. It runs in-process
 * here and against the packaged jar or the native executable as {@link EndToEndIT}, so it must not inject beans.
 */
@GraphQLTest
public class EndToEndTest {

    static final String SUBMIT = """
            mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { need { id status } replayed } }""";
    static final String NEED = """
            query($id: ID!) { need(id: $id) { status rating timeline(first: 20) { edges { node { kind } } } } }""";
    static final String TALLY = """
            subscription($id: ID!) { deliberationTallyChanged(deliberationId: $id) { kind deliberationId eligible participating } }""";
    static final String VERIFY = """
            query($id: ID!) { verifyAuditChain(organizationId: $id) { valid entriesChecked firstBrokenSequence problem } }""";

    TestStreet street;

    @BeforeEach
    void street() {
        street = new TestStreet(FreshDatabase.dataSource());
    }

    @Test
    void probesAnswerAndReadinessCoversTheDatabaseAndTheEventBus() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(ready).contains("database-migrations", "event-bus");
        // the series the alerts of k8s/base/prometheusrule.yaml read
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString()).contains("http_server_requests_seconds",
                "gongzhi_event_bus_connected 1.0", "gongzhi_event_bus_reconnects_total", "agroal_awaiting_count", "jvm_memory_used_bytes");
    }

    @Test
    void aSignedTokenLogsAPersonaInAndAForgedOneIsRefused() {
        assertThat(call(street.residentAToken(), "{ me { name } }").getString("data.me.name")).isEqualTo("居民张三");
        String forged = street.residentAToken().substring(0, street.residentAToken().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().header("Authorization", "Bearer " + forged).contentType("application/json").body("{\"query\":\"{ me { name } }\"}")
                .post("/graphql").then().statusCode(401);
    }

    @Test
    void aNeedTravelsFromReportToClosingWithEveryStepOnItsTimeline() {
        String id = call(street.residentAToken(), SUBMIT, vars("input", Map.of("title", "端到端：独居老人需要送餐",
                "description", "每天中午送一份午餐", "category", "ELDERLY_MEAL", "kind", "PERSONAL_REQUEST")))
                .getString("data.submitNeed.need.id");
        assertThat(id).isNotNull();
        step(street.gridWorkerAToken(), "acceptNeed", "NeedStepInput", Map.of("needId", id), "ACCEPTED");
        step(street.gridWorkerAToken(), "assignNeed", "AssignNeedInput",
                Map.of("needId", id, "memberId", TestStreet.memberId(street.partyMemberAId)), "ASSIGNED");
        step(street.partyMemberAToken(), "startNeed", "NeedStepInput", Map.of("needId", id), "IN_PROGRESS");
        step(street.partyMemberAToken(), "resolveNeed", "ResolveNeedInput", Map.of("needId", id, "resolutionNote", "已安排助餐点送餐"),
                "RESOLVED");
        step(street.residentAToken(), "rateNeed", "RateNeedInput", Map.of("needId", id, "rating", 5, "comment", "很满意"), "RATED");
        step(street.gridWorkerAToken(), "closeNeed", "NeedStepInput", Map.of("needId", id), "CLOSED");

        JsonPath need = call(street.residentAToken(), NEED, vars("id", id));
        assertThat(need.getString("data.need.status")).isEqualTo("CLOSED");
        assertThat(need.getInt("data.need.rating")).isEqualTo(5);
        assertThat(need.getList("data.need.timeline.edges.node.kind")).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void aBallotReachesASubscribedScreenAsLiveCounts() throws Exception {
        String id = mutate(street.adminAToken(), "proposeDeliberation", "ProposeDeliberationInput", Map.of("scopeId",
                TestStreet.orgId(street.gridA), "title", "端到端：楼道加装扶手", "background", "老人上下楼不便", "kind", "RESIDENTS_COUNCIL"),
                "deliberation { id }").getString("data.proposeDeliberation.deliberation.id");
        mutate(street.adminAToken(), "advanceDeliberation", "DeliberationStepInput", Map.of("deliberationId", id, "action",
                "OPEN_CONSULTATION"), "deliberation { stage }");
        mutate(street.adminAToken(), "openDeliberationVoting", "OpenDeliberationVotingInput", Map.of("deliberationId", id),
                "deliberation { stage }");
        try (GraphQLWsClient ws = GraphQLWsClient.open(street.adminAToken())) {
            ws.subscribe(TALLY, "{\"id\":\"" + id + "\"}");
            JsonPath event = null;
            // the subscription becomes live asynchronously: vote until a count arrives (a re-vote replaces the ballot)
            for (int attempt = 0; attempt < 20 && event == null; attempt++) {
                mutate(street.residentAToken(), "castVote", "CastVoteInput",
                        Map.of("deliberationId", id, "choice", attempt % 2 == 0 ? "FOR" : "AGAINST"), "vote { id }");
                event = ws.next(Duration.ofMillis(700));
            }
            assertThat(event).as("no count arrived over the websocket").isNotNull();
            assertThat(event.getString("type")).isEqualTo("next");
            assertThat(event.getString("payload.data.deliberationTallyChanged.kind")).isEqualTo("CHANGE");
            assertThat(event.getString("payload.data.deliberationTallyChanged.deliberationId")).isEqualTo(id);
            assertThat(event.getLong("payload.data.deliberationTallyChanged.participating")).isEqualTo(1L);
        }
    }

    @Test
    void theAuditChainOfACommunityVerifiesAfterItsWrites() {
        call(street.residentAToken(), SUBMIT, vars("input", Map.of("title", "端到端：路灯不亮", "description", "小区东门路灯不亮",
                "category", "PROPERTY", "kind", "PERSONAL_REQUEST")));
        JsonPath r = call(street.adminAToken(), VERIFY, vars("id", TestStreet.orgId(street.communityA)));
        assertThat(r.getList("errors")).as("errors").isNull();
        assertThat(r.getBoolean("data.verifyAuditChain.valid")).isTrue();
        assertThat(r.getInt("data.verifyAuditChain.entriesChecked")).isPositive();
    }

    private static void step(String token, String mutation, String inputType, Map<String, Object> input, String expected) {
        assertThat(mutate(token, mutation, inputType, input, "need { status }").getString("data." + mutation + ".need.status"))
                .as(mutation).isEqualTo(expected);
    }

    private static JsonPath mutate(String token, String mutation, String inputType, Map<String, Object> input, String selection) {
        JsonPath r = call(token, "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { " + selection + " } }",
                vars("input", input));
        assertThat(r.getList("errors")).as(mutation + " errors").isNull();
        return r;
    }
}
