package org.gongzhi.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.need.NeedFixture.dbId;
import static org.gongzhi.need.NeedFixture.mutate;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The SLA clock, driven by the test clock (no sleeping) and run concurrently as several pods would. */
@GraphQLTest
class NeedSlaJobTest {

    @Inject
    DataSource ds;
    @Inject
    TimeSource time;
    @Inject
    NeedSlaJob job;

    TestStreet street;
    NeedFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new NeedFixture(ds, street);
    }

    @AfterEach
    void clock() {
        time.reset();
    }

    @Test
    void aLateNeedIsEscalatedExactlyOnceEvenWhenEightPodsRunTheJobAtOnce() throws Exception {
        String id = fx.submitPersonal("独居老人助餐中断"); // ELDERLY_MEAL / NORMAL: respond within 24 h
        time.advance(Duration.ofHours(25));

        runConcurrently(8);

        long n = dbId(id);
        assertThat(fx.one("select count(*) from need_escalation where need_id = ?", n)).isEqualTo(1L);
        assertThat(fx.one("select count(*) from need_event where need_id = ? and kind = 'ESCALATED'", n)).isEqualTo(1L);
        assertThat(fx.row("select status, responsible_org_id, escalation_level from need where id = ?", n))
                .containsEntry("status", "ESCALATED").containsEntry("responsible_org_id", street.communityA)
                .containsEntry("escalation_level", 1);
        // the same missed deadline never escalates again
        runConcurrently(4);
        assertThat(fx.one("select count(*) from need_escalation where need_id = ?", n)).isEqualTo(1L);

        JsonPath r = call(street.adminAToken(), "query($id: ID!) { need(id: $id) { respondOverdue overdue acknowledgeBy "
                + "responsibleOrganization { name } timeline { edges { node { kind automatic } } } } }", vars("id", id));
        assertThat(r.getBoolean("data.need.respondOverdue")).isTrue();
        assertThat(r.getBoolean("data.need.overdue")).isFalse(); // the community has its own acknowledge deadline now
        assertThat(r.getString("data.need.responsibleOrganization.name")).startsWith("幸福社区");
        assertThat(r.getList("data.need.timeline.edges.node.automatic", Boolean.class)).contains(true);

        // the community does not report in time either: up to the street, once
        time.advance(Duration.ofHours(25));
        runConcurrently(4);
        assertThat(fx.row("select responsible_org_id, escalation_level from need where id = ?", n))
                .containsEntry("responsible_org_id", street.streetId).containsEntry("escalation_level", 2);
        // at the street the job cannot pick a department: it flags the breach once and stops
        time.advance(Duration.ofHours(25));
        runConcurrently(4);
        runConcurrently(2);
        assertThat(fx.one("select escalation_level from need where id = ?", n)).isEqualTo(2);
        assertThat(fx.one("select count(*) from need_event where need_id = ? and kind = 'SLA_WARNING' and note like '已超时%'", n))
                .isEqualTo(1L);
    }

    @Test
    void handlersAreWarnedOnceBeforeTheDeadline() throws Exception {
        String id = fx.submitPersonal("助浴预约");
        mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", id)); // now governed by resolve-by (72 h)
        time.advance(Duration.ofHours(70)); // NORMAL warns 4 h before
        runConcurrently(4);
        runConcurrently(2);
        assertThat(fx.one("select count(*) from need_event where need_id = ? and kind = 'SLA_WARNING'", dbId(id))).isEqualTo(1L);
        assertThat(fx.status(id)).isEqualTo("ACCEPTED");
    }

    @Test
    void aResolvedNeedClosesWhenTheObjectionWindowIsOver() throws Exception {
        String id = fx.submitPersonal("水管漏水");
        mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", id));
        mutate(street.gridWorkerAToken(), "assignNeed", vars("needId", id, "memberId", TestStreet.memberId(street.partyMemberAId)));
        mutate(street.partyMemberAToken(), "startNeed", vars("needId", id));
        mutate(street.partyMemberAToken(), "resolveNeed", vars("needId", id, "resolutionNote", "已维修"));
        time.advance(Duration.ofDays(6));
        runConcurrently(2);
        assertThat(fx.status(id)).isEqualTo("RESOLVED");
        time.advance(Duration.ofDays(2));
        runConcurrently(3);
        assertThat(fx.status(id)).isEqualTo("CLOSED");
        assertThat(fx.one("select count(*) from need_event where need_id = ? and kind = 'CLOSED'", dbId(id))).isEqualTo(1L);
    }

    @Test
    void aStreetAdministratorEditsThePolicyAndNewNeedsFollowIt() {
        JsonPath r = call(street.streetAdminToken(), """
                mutation($input: UpdateNeedSlaPolicyInput!) { updateNeedSlaPolicy(input: $input) {
                  category urgency respondWithinMinutes resolveWithinMinutes custom } }""",
                vars("input", vars("category", "ELDERLY_MEAL", "urgency", "NORMAL", "respondWithinMinutes", 120,
                        "resolveWithinMinutes", 600, "acknowledgeWithinMinutes", 60, "warnBeforeMinutes", 30)));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getBoolean("data.updateNeedSlaPolicy.custom")).isTrue();
        String id = fx.submitPersonal("按新时限");
        assertThat(fx.one("select extract(epoch from respond_by - submitted_at)::int from need where id = ?", dbId(id))).isEqualTo(7200);
        // community administrators may not, and 48 h is the ceiling for responding
        assertThat(NeedFixture.code(call(street.adminAToken(), """
                mutation($input: UpdateNeedSlaPolicyInput!) { updateNeedSlaPolicy(input: $input) { custom } }""",
                vars("input", vars("category", "ELDERLY_MEAL", "urgency", "NORMAL", "respondWithinMinutes", 120,
                        "resolveWithinMinutes", 600, "acknowledgeWithinMinutes", 60, "warnBeforeMinutes", 30))))).isEqualTo("FORBIDDEN");
        assertThat(NeedFixture.code(call(street.streetAdminToken(), """
                mutation($input: UpdateNeedSlaPolicyInput!) { updateNeedSlaPolicy(input: $input) { custom } }""",
                vars("input", vars("category", "ELDERLY_MEAL", "urgency", "NORMAL", "respondWithinMinutes", 3000,
                        "resolveWithinMinutes", 6000, "acknowledgeWithinMinutes", 60, "warnBeforeMinutes", 30))))).isEqualTo("VALIDATION_FAILED");
        // restore the default for other tests of this street's tenant (each test has its own street anyway)
        fx.exec("delete from need_sla_policy where tenant_id = ?", street.streetId);
    }

    private void runConcurrently(int pods) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(pods);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<NeedSlaJob.Run>> runs = new ArrayList<>();
            for (int i = 0; i < pods; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.runOnce();
                }));
            }
            start.countDown();
            for (Future<NeedSlaJob.Run> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
