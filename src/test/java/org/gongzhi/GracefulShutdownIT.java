package org.gongzhi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.gongzhi.support.FreshDatabase;
import org.gongzhi.support.GraphQLWsClient;
import org.gongzhi.support.PackagedApp;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.Test;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A rollout as Kubernetes runs it, against the packaged artifact: the pod gets SIGTERM while a console holds a live
 * subscription. The subscription must end with a reason (UNAVAILABLE) so the client reconnects to another pod, and
 * the process must then stop on its own. Starts the application itself, as only a test that owns the process can stop
 * it in the middle.
 */
class GracefulShutdownIT {

    static final String SUBSCRIBE = "subscription($org: ID!) { needChanged(organizationId: $org) { kind needId } }";

    @Test
    void onSigtermALiveSubscriptionEndsWithUnavailableAndTheProcessStops() throws Exception {
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        try (FreshDatabase.Own db = FreshDatabase.own()) {
            Map<String, String> config = new HashMap<>(db.config());
            config.putAll(oidc.start());
            try (PackagedApp app = PackagedApp.start(config).awaitReady(Duration.ofMinutes(3))) {
                TestStreet street = new TestStreet(db.dataSource());
                String need = post(app, street.residentAToken(), """
                        mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { need { id } } }""",
                        Map.of("input", Map.of("title", "停机测试", "description", "滚动发布时的订阅", "category", "HEALTH",
                                "kind", "PERSONAL_REQUEST"))).jsonPath().getString("data.submitNeed.need.id");
                try (GraphQLWsClient ws = GraphQLWsClient.open(street.adminAToken(), app.port)) {
                    ws.subscribe(SUBSCRIBE, "{\"org\":\"" + TestStreet.orgId(street.communityA) + "\"}");
                    JsonPath live = null;
                    for (int attempt = 0; attempt < 20 && live == null; attempt++) {
                        post(app, street.residentAToken(), """
                                mutation($input: NeedStepInput!) { addNeedNote(input: $input) { need { id } } }""",
                                Map.of("input", Map.of("needId", need, "note", "第" + attempt + "次")));
                        live = ws.next(Duration.ofMillis(700));
                    }
                    assertThat(live).as("the subscription never became live").isNotNull();
                    ws.drain();

                    app.terminate();
                    JsonPath ended = ws.next(Duration.ofSeconds(20));
                    assertThat(ended).as("no message after SIGTERM").isNotNull();
                    assertThat(ended.getString("type")).isEqualTo("next");
                    assertThat(ended.getString("payload.errors[0].extensions.code")).as(ended.prettify()).isEqualTo("UNAVAILABLE");
                    JsonPath complete = ws.next(Duration.ofSeconds(10));
                    assertThat(complete).as("the subscription was not completed").isNotNull();
                    assertThat(complete.getString("type")).isEqualTo("complete");
                }
                assertThat(app.awaitExit(Duration.ofSeconds(60))).as("the process did not stop").isTrue();
                assertThat(app.output()).contains("ending live subscriptions");
            } finally {
                oidc.stop();
            }
        }
    }

    private static Response post(PackagedApp app, String token, String query, Map<String, Object> variables) {
        Response r = given().port(app.port).header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("query", query, "variables", variables)).post("/graphql");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getList("errors")).as(r.asString()).isNull();
        return r;
    }
}
