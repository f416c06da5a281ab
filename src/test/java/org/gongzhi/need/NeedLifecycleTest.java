package org.gongzhi.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.need.NeedFixture.code;
import static org.gongzhi.need.NeedFixture.dbId;
import static org.gongzhi.need.NeedFixture.mutate;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.need.NeedTransitions.Transition;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

@GraphQLTest
class NeedLifecycleTest {

    @Inject
    DataSource ds;
    @Inject
    TimeSource time;

    TestStreet street;
    NeedFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new NeedFixture(ds, street);
        fx.member("志愿者", "claimer-" + street.tag, street.communityA, "VOLUNTEER", null);
    }

    @AfterEach
    void clock() {
        time.reset();
    }

    @Test
    void shouldCarryANeedFromReportToRatingAndKeepEveryStepOnTheTimeline() {
        String id = fx.submitPersonal("独居老人需要送餐");
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        assertThat(mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", id, "note", "网格员已受理"))
                .getString("data.acceptNeed.need.status")).isEqualTo("ACCEPTED");
        assertThat(mutate(street.gridWorkerAToken(), "assignNeed", vars("needId", id,
                "memberId", TestStreet.memberId(street.partyMemberAId))).getString("data.assignNeed.need.status")).isEqualTo("ASSIGNED");
        assertThat(mutate(street.partyMemberAToken(), "startNeed", vars("needId", id))
                .getString("data.startNeed.need.status")).isEqualTo("IN_PROGRESS");
        assertThat(mutate(street.partyMemberAToken(), "resolveNeed", vars("needId", id, "resolutionNote", "已联系助餐点每日送餐"))
                .getString("data.resolveNeed.need.status")).isEqualTo("RESOLVED");
        assertThat(mutate(street.residentAToken(), "rateNeed", vars("needId", id, "rating", 5, "comment", "很满意"))
                .getString("data.rateNeed.need.status")).isEqualTo("RATED");
        assertThat(mutate(street.gridWorkerAToken(), "closeNeed", vars("needId", id))
                .getString("data.closeNeed.need.status")).isEqualTo("CLOSED");

        JsonPath r = call(street.residentAToken(), """
                query($id: ID!) { need(id: $id) { status rating minutesToRespond minutesToResolve respondOverdue
                    reporter { name } assigneeMember { name } place { name }
                    timeline(first: 20) { totalCount edges { node { kind fromStatus toStatus note automatic actor { name } } } } } }
                """, vars("id", id));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getList("data.need.timeline.edges.node.kind", String.class)).containsExactly(
                "SUBMITTED", "ACCEPTED", "ASSIGNED", "STARTED", "RESOLVED", "RATED", "CLOSED");
        assertThat(r.getString("data.need.timeline.edges[1].node.actor.name")).isEqualTo("网格员甲");
        assertThat(r.getString("data.need.timeline.edges[1].node.note")).isEqualTo("网格员已受理");
        assertThat(r.getString("data.need.assigneeMember.name")).isEqualTo("党员王五");
        assertThat(r.getString("data.need.reporter.name")).isEqualTo("居民张三");
        assertThat(r.getInt("data.need.rating")).isEqualTo(5);
        assertThat(r.getBoolean("data.need.respondOverdue")).isFalse();
        assertThat(((Number) fx.one("select count(*) from audit_entry where entity_type = 'Need' and entity_id = ?", dbId(id))).intValue())
                .isEqualTo(7);
    }

    /** Enumerates the table: every step from every status, allowed ones reach their target, the others change nothing. */
    @Test
    void everyStepIsAllowedExactlyFromTheStatusesOfTheTransitionTable() {
        List<String> failures = new ArrayList<>();
        for (Transition t : NeedTransitions.TABLE) {
            if (t.action() == NeedAction.SUBMIT) {
                continue;
            }
            boolean micro = t.action() == NeedAction.CLAIM;
            String template = micro ? fx.submitWish("微心愿 " + t.action()) : fx.submitPersonal("需求 " + t.action());
            for (NeedStatus from : NeedStatus.values()) {
                String id = fx.copy(template);
                putInto(id, from);
                JsonPath r = perform(t.action(), id);
                String now = fx.status(id);
                if (t.from().contains(from)) {
                    if (r.getList("errors") != null || !now.equals(t.to().name())) {
                        failures.add(t.action() + " from " + from + ": expected " + t.to() + " got " + now + " " + r.getList("errors"));
                    }
                } else if (!"INVALID_TRANSITION".equals(code(r)) || !now.equals(from.name())) {
                    failures.add(t.action() + " from " + from + ": expected INVALID_TRANSITION and no change, got "
                            + code(r) + " / " + now);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Forces a need into a status with the fields that status implies (assignee, resolution time, escalation). */
    private void putInto(String id, NeedStatus status) {
        long n = dbId(id);
        fx.exec("update need set status = ?, assignee_member_id = ?, resolved_at = ?, responded_at = now() where id = ?",
                status.name(), street.partyMemberAId, Timestamp.from(Instant.now()), n);
        if (status == NeedStatus.ESCALATED) {
            fx.exec("update need set acknowledge_by = now() + interval '1 day' where id = ?", n);
        }
    }

    private JsonPath perform(NeedAction action, String id) {
        String handler = street.partyMemberAToken();
        String admin = street.adminAToken();
        String resident = street.residentAToken();
        return switch (action) {
            case ACCEPT -> mutate(admin, "acceptNeed", vars("needId", id));
            case REJECT -> mutate(admin, "rejectNeed", vars("needId", id, "reason", "不属于受理范围"));
            case ASSIGN -> mutate(admin, "assignNeed", vars("needId", id, "organizationId", TestStreet.orgId(street.gridA)));
            case CLAIM -> mutate(street.token("claimer-" + street.tag, "volunteer"), "claimNeed", vars("needId", id));
            case START -> mutate(handler, "startNeed", vars("needId", id));
            case RESOLVE -> mutate(handler, "resolveNeed", vars("needId", id, "resolutionNote", "已办结"));
            case RATE -> mutate(resident, "rateNeed", vars("needId", id, "rating", 4));
            case REOPEN -> mutate(resident, "objectNeed", vars("needId", id, "reason", "问题没有解决"));
            case CLOSE -> mutate(admin, "closeNeed", vars("needId", id));
            case CANCEL -> mutate(resident, "cancelNeed", vars("needId", id));
            case ESCALATE -> mutate(admin, "escalateNeed", vars("needId", id));
            case ACKNOWLEDGE -> mutate(admin, "acknowledgeNeed", vars("needId", id));
            case MARK_DUPLICATE -> mutate(admin, "markNeedDuplicate", vars("needId", id, "originalId", original()));
            case SUBMIT -> throw new IllegalArgumentException();
        };
    }

    private String originalId;

    private String original() {
        if (originalId == null) {
            originalId = fx.submitPersonal("原始需求");
        }
        return originalId;
    }

    @Test
    void eachRoleIsRefusedTheStepsThatAreNotItsOwn() {
        String id = fx.submitPersonal("楼道灯坏了");
        // a resident cannot handle
        assertThat(code(mutate(street.residentAToken(), "acceptNeed", vars("needId", id)))).isEqualTo("FORBIDDEN");
        assertThat(code(mutate(street.residentAToken(), "escalateNeed", vars("needId", id)))).isEqualTo("FORBIDDEN");
        // another community's administrator cannot even see it
        assertThat(code(mutate(street.adminBToken(), "acceptNeed", vars("needId", id)))).isEqualTo("FORBIDDEN");
        // another resident cannot cancel it
        assertThat(code(mutate(street.residentBToken(), "cancelNeed", vars("needId", id)))).isEqualTo("FORBIDDEN");
        // a handler cannot cancel nor rate on the requester's behalf
        assertThat(code(mutate(street.gridWorkerAToken(), "cancelNeed", vars("needId", id)))).isEqualTo("FORBIDDEN");
        // a party member cannot claim what is not a micro-wish
        assertThat(code(mutate(street.partyMemberAToken(), "claimNeed", vars("needId", id)))).isEqualTo("FORBIDDEN");
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");

        mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", id));
        mutate(street.gridWorkerAToken(), "assignNeed", vars("needId", id, "memberId", TestStreet.memberId(street.partyMemberAId)));
        mutate(street.partyMemberAToken(), "startNeed", vars("needId", id));
        mutate(street.partyMemberAToken(), "resolveNeed", vars("needId", id, "resolutionNote", "已更换灯泡"));
        assertThat(code(mutate(street.gridWorkerAToken(), "rateNeed", vars("needId", id, "rating", 5)))).isEqualTo("FORBIDDEN");
        assertThat(code(mutate(street.partyMemberAToken(), "rateNeed", vars("needId", id, "rating", 5)))).isEqualTo("FORBIDDEN");
        assertThat(fx.status(id)).isEqualTo("RESOLVED");
    }

    @Test
    void aDepartmentMustReportWhenTheStreetWhistles() {
        long dept = street.organization(street.streetId, "DEPARTMENT", "城管执法队");
        String deptAdmin = "dept-admin-" + street.tag;
        fx.member("城管队长", deptAdmin, dept, "ADMINISTRATOR", null);
        String deptToken = NeedFixture.token(deptAdmin, "community_admin");
        String id = fx.submit(street.gridWorkerAToken(), vars("title", "违章搭建占用消防通道", "description", "3号楼后违章搭建",
                "category", "SAFETY_HAZARD", "kind", "PUBLIC_ISSUE", "channel", "GRID_PATROL",
                "placeId", TestStreet.orgId(street.gridA)));

        // grid -> community
        assertThat(mutate(street.gridWorkerAToken(), "escalateNeed", vars("needId", id)).getInt("data.escalateNeed.need.escalationLevel")).isEqualTo(1);
        assertThat(fx.one("select responsible_org_id from need where id = ?", dbId(id))).isEqualTo(street.communityA);
        // the grid worker is no longer in charge
        assertThat(code(mutate(street.gridWorkerAToken(), "escalateNeed", vars("needId", id)))).isEqualTo("FORBIDDEN");
        // community -> street; a community cannot whistle to a department itself
        assertThat(code(mutate(street.adminAToken(), "escalateNeed", vars("needId", id, "departmentId", TestStreet.orgId(dept)))))
                .isEqualTo("VALIDATION_FAILED");
        mutate(street.adminAToken(), "escalateNeed", vars("needId", id));
        assertThat(fx.one("select responsible_org_id from need where id = ?", dbId(id))).isEqualTo(street.streetId);
        // the street must name the department
        assertThat(code(mutate(street.streetAdminToken(), "escalateNeed", vars("needId", id)))).isEqualTo("VALIDATION_FAILED");
        assertThat(mutate(street.streetAdminToken(), "escalateNeed", vars("needId", id, "departmentId", TestStreet.orgId(dept)))
                .getInt("data.escalateNeed.need.escalationLevel")).isEqualTo(3);
        // the community administrator cannot report for the department
        assertThat(code(mutate(street.adminAToken(), "acknowledgeNeed", vars("needId", id)))).isEqualTo("FORBIDDEN");
        assertThat(mutate(deptToken, "acknowledgeNeed", vars("needId", id, "note", "城管已报到")).getString("data.acknowledgeNeed.need.status"))
                .isEqualTo("ACCEPTED");
        assertThat(code(mutate(deptToken, "escalateNeed", vars("needId", id)))).isEqualTo("INVALID_TRANSITION");
        assertThat(((Number) fx.one("select count(*) from need_escalation where need_id = ? and acknowledged_at is not null", dbId(id))).intValue())
                .isEqualTo(1);
        // the department now handles it
        mutate(deptToken, "assignNeed", vars("needId", id, "organizationId", TestStreet.orgId(dept)));
        assertThat(mutate(deptToken, "startNeed", vars("needId", id)).getString("data.startNeed.need.status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aLowRatingReopensTheNeedForRectification() {
        String id = resolved("垃圾清运不及时");
        JsonPath r = mutate(street.residentAToken(), "rateNeed", vars("needId", id, "rating", 2, "comment", "还是很脏"));
        assertThat(r.getString("data.rateNeed.need.status")).isEqualTo("IN_PROGRESS");
        assertThat(r.getInt("data.rateNeed.need.reopenCount")).isEqualTo(1);
        assertThat(fx.one("select count(*) from need_event where need_id = ? and kind = 'REOPENED'", dbId(id))).isEqualTo(1L);
        // worked on again and rated well this time
        mutate(street.partyMemberAToken(), "resolveNeed", vars("needId", id, "resolutionNote", "已整改"));
        assertThat(mutate(street.residentAToken(), "rateNeed", vars("needId", id, "rating", 3))
                .getString("data.rateNeed.need.status")).isEqualTo("RATED");
    }

    @Test
    void anObjectionReopensWithinSevenDaysButNotAfter() {
        String id = resolved("噪音扰民");
        mutate(street.residentAToken(), "rateNeed", vars("needId", id, "rating", 4));
        time.advance(Duration.ofDays(6));
        assertThat(mutate(street.residentAToken(), "objectNeed", vars("needId", id, "reason", "晚上又开始了"))
                .getString("data.objectNeed.need.status")).isEqualTo("IN_PROGRESS");
        mutate(street.partyMemberAToken(), "resolveNeed", vars("needId", id, "resolutionNote", "已协调"));
        time.advance(Duration.ofDays(8));
        assertThat(code(mutate(street.residentAToken(), "objectNeed", vars("needId", id, "reason", "再次反映"))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(fx.status(id)).isEqualTo("RESOLVED");
    }

    @Test
    void theRequesterMayCancelOnlyBeforeWorkStarts() {
        String early = fx.submitPersonal("想咨询法律问题");
        assertThat(mutate(street.residentAToken(), "cancelNeed", vars("needId", early)).getString("data.cancelNeed.need.status"))
                .isEqualTo("CANCELLED");
        String started = fx.submitPersonal("需要上门助浴");
        mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", started));
        mutate(street.gridWorkerAToken(), "assignNeed", vars("needId", started, "memberId", TestStreet.memberId(street.partyMemberAId)));
        mutate(street.partyMemberAToken(), "startNeed", vars("needId", started));
        assertThat(code(mutate(street.residentAToken(), "cancelNeed", vars("needId", started)))).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void aRetryWithTheSameKeyReplaysInsteadOfActingTwice() {
        String id = fx.submitPersonal("助医陪诊");
        JsonPath first = mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", id, "idempotencyKey", "acc-" + street.tag));
        JsonPath again = mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", id, "idempotencyKey", "acc-" + street.tag));
        assertThat(first.getBoolean("data.acceptNeed.replayed")).isFalse();
        assertThat(again.getList("errors")).isNull();
        assertThat(again.getBoolean("data.acceptNeed.replayed")).isTrue();
        assertThat(fx.one("select count(*) from need_event where need_id = ? and kind = 'ACCEPTED'", dbId(id))).isEqualTo(1L);

        Map<String, Object> input = vars("title", "重复提交测试", "description", "网络不好重试", "category", "HEALTH",
                "kind", "PERSONAL_REQUEST", "idempotencyKey", "sub-" + street.tag);
        JsonPath s1 = call(street.residentAToken(), NeedFixture.SUBMIT, vars("input", input));
        JsonPath s2 = call(street.residentAToken(), NeedFixture.SUBMIT, vars("input", input));
        assertThat(s2.getString("data.submitNeed.need.id")).isEqualTo(s1.getString("data.submitNeed.need.id"));
        assertThat(s2.getBoolean("data.submitNeed.replayed")).isTrue();
    }

    @Test
    void rejectingRequiresAReason() {
        String id = fx.submitPersonal("需要介绍工作");
        assertThat(code(mutate(street.gridWorkerAToken(), "rejectNeed", vars("needId", id, "reason", " ")))).isEqualTo("VALIDATION_FAILED");
        JsonPath r = mutate(street.gridWorkerAToken(), "rejectNeed", vars("needId", id, "reason", "请到街道就业服务窗口办理"));
        assertThat(r.getString("data.rejectNeed.need.status")).isEqualTo("REJECTED");
        assertThat(fx.one("select reject_reason from need where id = ?", dbId(id))).isEqualTo("请到街道就业服务窗口办理");
    }

    @Test
    void aHandlerMarksADuplicateWhichClosesAndPointsToTheOriginal() {
        String original = fx.submitPersonal("小区门口路灯不亮");
        String dup = fx.submitPersonal("门口路灯坏了");
        JsonPath r = mutate(street.gridWorkerAToken(), "markNeedDuplicate", vars("needId", dup, "originalId", original));
        assertThat(r.getString("data.markNeedDuplicate.need.status")).isEqualTo("CLOSED");
        JsonPath q = call(street.residentAToken(), "query($id: ID!) { need(id: $id) { duplicateOf { id title } } }", vars("id", dup));
        assertThat(q.getString("data.need.duplicateOf.id")).isEqualTo(original);
    }

    private String resolved(String title) {
        String id = fx.submitPersonal(title);
        mutate(street.gridWorkerAToken(), "acceptNeed", vars("needId", id));
        mutate(street.gridWorkerAToken(), "assignNeed", vars("needId", id, "memberId", TestStreet.memberId(street.partyMemberAId)));
        mutate(street.partyMemberAToken(), "startNeed", vars("needId", id));
        mutate(street.partyMemberAToken(), "resolveNeed", vars("needId", id, "resolutionNote", "已处理"));
        assertThat(fx.status(id)).isEqualTo("RESOLVED");
        return id;
    }
}
