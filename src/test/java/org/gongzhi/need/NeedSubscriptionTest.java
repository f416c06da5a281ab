package org.gongzhi.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.need.NeedFixture.mutate;
import static org.gongzhi.support.GraphQL.vars;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.FreshDatabase;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.GraphQLWsClient;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** A console subscribed over a real WebSocket (graphql-transport-ws, token in connection_init) sees changes made elsewhere. */
@GraphQLTest
class NeedSubscriptionTest {

    @Inject
    DataSource ds;

    TestStreet street;
    NeedFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new NeedFixture(ds, street);
    }

    @Test
    void aSubscriberOfTheCommunityReceivesAChangeMadeThroughAnotherConnection() throws Exception {
        String needA = fx.submitPersonal("订阅测试：A网格");
        String needB = fx.submit(street.residentBToken(), vars("title", "B社区", "description", "B", "category", "HEALTH",
                "kind", "PERSONAL_REQUEST"));
        try (GraphQLWsClient ws = GraphQLWsClient.open(street.adminAToken())) {
            ws.subscribe("subscription($org: ID!) { needChanged(organizationId: $org) { needId status action } }",
                    "{\"org\":\"" + TestStreet.orgId(street.communityA) + "\"}");
            JsonPath event = null;
            for (int attempt = 0; attempt < 20 && event == null; attempt++) {
                // a change outside the subscribed subtree first: it must not arrive
                mutate(street.adminBToken(), "addNeedNote", vars("needId", needB, "note", "B社区的变化"));
                mutate(street.residentAToken(), "addNeedNote", vars("needId", needA, "note", "第" + attempt + "次补充"));
                event = ws.next(Duration.ofMillis(700));
            }
            assertThat(event).as("no event arrived over the websocket").isNotNull();
            assertThat(event.getString("type")).isEqualTo("next");
            assertThat(event.getString("payload.data.needChanged.needId")).isEqualTo(needA);
            assertThat(event.getString("payload.data.needChanged.status")).isEqualTo("SUBMITTED");

            // a lifecycle step arrives with its action
            ws.drain();
            mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", needA));
            JsonPath accepted = ws.next(Duration.ofSeconds(10));
            assertThat(accepted.getString("payload.data.needChanged.action")).isEqualTo("ACCEPT");
            assertThat(accepted.getString("payload.data.needChanged.status")).isEqualTo("ACCEPTED");

            // what another pod commits reaches this pod's subscribers through PostgreSQL NOTIFY
            ws.drain();
            try (Connection other = FreshDatabase.directConnection();
                    PreparedStatement ps = other.prepareStatement("select pg_notify('need_changed', ?)")) {
                ps.setString(1, "{\"needId\":\"" + needA + "\",\"status\":\"IN_PROGRESS\",\"action\":\"START\",\"tenantId\":"
                        + street.streetId + ",\"placePath\":\"/" + street.streetId + "/" + street.communityA + "/" + street.gridA
                        + "/\",\"responsiblePath\":\"/" + street.streetId + "/" + street.communityA + "/" + street.gridA
                        + "/\",\"at\":\"2026-11-23T00:00:00Z\"}");
                ps.executeQuery().close();
            }
            JsonPath remote = ws.next(Duration.ofSeconds(10));
            assertThat(remote.getString("payload.data.needChanged.status")).isEqualTo("IN_PROGRESS");
        }
    }

    @Test
    void afterTheDatabaseDroppedEveryConnectionSubscribersAreToldToResynchronise() throws Exception {
        String needA = fx.submitPersonal("重连测试");
        try (GraphQLWsClient ws = GraphQLWsClient.open(street.adminAToken())) {
            ws.subscribe("subscription($org: ID!) { needChanged(organizationId: $org) { kind needId status action at } }",
                    "{\"org\":\"" + TestStreet.orgId(street.communityA) + "\"}");
            JsonPath live = null;
            for (int attempt = 0; attempt < 20 && live == null; attempt++) {
                mutate(street.residentAToken(), "addNeedNote", vars("needId", needA, "note", "连接前第" + attempt + "次"));
                live = ws.next(Duration.ofMillis(700));
            }
            assertThat(live).as("the subscription never became live").isNotNull();
            assertThat(live.getString("payload.data.needChanged.kind")).isEqualTo("CHANGE");
            ws.drain();

            // every backend of the database ends, the LISTEN connection with them; a change made while this pod is not
            // listening is never notified to it, so the subscriber must learn that it may have missed something
            assertThat(FreshDatabase.terminateBackends()).isPositive();
            assertThat(mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", needA)).getString("data.acceptNeed.need.status"))
                    .as("the pool replaces its dead connections").isEqualTo("ACCEPTED");

            JsonPath resync = null;
            for (JsonPath m = ws.next(Duration.ofSeconds(30)); m != null && resync == null; m = resync == null ? ws.next(Duration.ofSeconds(30)) : null) {
                if ("RESYNC".equals(m.getString("payload.data.needChanged.kind"))) {
                    resync = m;
                }
            }
            assertThat(resync).as("no RESYNC after the connection came back").isNotNull();
            assertThat(resync.getString("type")).isEqualTo("next");
            assertThat(resync.getString("payload.data.needChanged.needId")).isNull();
            assertThat(resync.getString("payload.data.needChanged.status")).isNull();
            assertThat(resync.getString("payload.data.needChanged.at")).isNotBlank();

            // and changes flow again after it
            ws.drain();
            mutate(street.residentAToken(), "addNeedNote", vars("needId", needA, "note", "重连之后"));
            JsonPath after = ws.next(Duration.ofSeconds(10));
            assertThat(after).as("no change after the reconnect").isNotNull();
            assertThat(after.getString("payload.data.needChanged.kind")).isEqualTo("CHANGE");
            assertThat(after.getString("payload.data.needChanged.needId")).isEqualTo(needA);
            assertThat(after.getString("payload.data.needChanged.status")).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void aSubscriptionOutsideTheCallersScopeEndsWithForbidden() throws Exception {
        try (GraphQLWsClient ws = GraphQLWsClient.open(street.adminBToken())) {
            ws.subscribe("subscription($org: ID!) { needChanged(organizationId: $org) { needId status action } }",
                    "{\"org\":\"" + TestStreet.orgId(street.communityA) + "\"}");
            JsonPath r = ws.next(Duration.ofSeconds(10));
            assertThat(r).as("the refusal never arrived").isNotNull();
            assertThat(r.getString("payload.errors[0].extensions.code")).as(r.prettify()).isEqualTo("FORBIDDEN");
        }
    }
}
