package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.code;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.time.Times;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** 督办: tasks of a passed resolution, overdue flags and the execution rate per deliberation and per subtree. */
@GraphQLTest
class ImplementationTest {

    static final String TASKS = """
            query($id: ID!) { deliberation(id: $id) { stage tasks { id title status overdue onTime evidenceUrls resourceIds
              ownerOrganization { id } ownerMember { id } } executionRate { due completedOnTime overdue rate } } }""";
    static final String RATE = "query($org: ID!) { deliberationExecutionRate(organizationId: $org) { due completedOnTime overdue rate } }";

    @Inject
    DataSource ds;
    @Inject
    TimeSource time;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    @AfterEach
    void clock() {
        time.reset();
    }

    /** A passed, publicised resolution of community A now being implemented. */
    private String implementing(String title) {
        String id = fx.propose(title);
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id)));
        ok(mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR")));
        ok(advance(street.adminAToken(), id, "CLOSE_VOTING"));
        ok(mutate(street.adminAToken(), "publicizeDeliberation", vars("deliberationId", id, "resolution", title + "：通过")));
        time.advance(Duration.ofDays(8));
        ok(advance(street.adminAToken(), id, "START_IMPLEMENTATION"));
        return id;
    }

    private String task(String id, String title, Map<String, Object> owner, Duration dueIn) {
        Map<String, Object> input = vars("deliberationId", id, "title", title, "dueAt", Times.local(time.now().plus(dueIn)).toString(),
                "fundFen", 150000);
        input.putAll(owner);
        ok(mutate(street.adminAToken(), "createDeliberationTask", input));
        List<Map<String, Object>> tasks = call(street.adminAToken(), TASKS, vars("id", id)).getList("data.deliberation.tasks");
        return (String) tasks.stream().filter(t -> t.get("title").equals(title)).findFirst().orElseThrow().get("id");
    }

    private static JsonPath update(String token, String taskId, String status, List<String> evidence) {
        Map<String, Object> input = vars("taskId", taskId, "status", status);
        if (evidence != null) {
            input.put("evidenceUrls", evidence);
        }
        return mutate(token, "updateDeliberationTask", input);
    }

    @Test
    void theExecutionRateIsTasksCompletedOnTimeOverTasksDue() {
        String id = implementing("修缮健身器材");
        Map<String, Object> community = vars("ownerOrganizationId", TestStreet.orgId(street.communityA));
        Map<String, Object> member = vars("ownerMemberId", TestStreet.memberId(street.partyMemberAId));
        String onTime = task(id, "采购器材", community, Duration.ofDays(10));
        String late = task(id, "安装器材", member, Duration.ofDays(10));
        String overdue = task(id, "验收", community, Duration.ofDays(10));
        String cancelled = task(id, "旧器材回收", community, Duration.ofDays(10));
        task(id, "一年后回访", community, Duration.ofDays(365));

        assertThat(update(street.adminAToken(), onTime, "DONE", null).getString("errors[0].extensions.field")).isEqualTo("evidenceUrls");
        ok(update(street.adminAToken(), onTime, "DONE", List.of("https://img.example.cn/receipt.jpg")));
        assertThat(code(update(street.residentAToken(), late, "IN_PROGRESS", null))).isEqualTo("FORBIDDEN");
        ok(update(street.partyMemberAToken(), late, "IN_PROGRESS", null)); // the owner moves their own task
        assertThat(code(update(street.partyMemberAToken(), late, "CANCELLED", null))).isEqualTo("FORBIDDEN");
        // nothing is due yet: only the finished task counts
        assertThat(call(street.adminAToken(), TASKS, vars("id", id)).getDouble("data.deliberation.executionRate.rate")).isEqualTo(1.0);

        time.advance(Duration.ofDays(11));
        ok(update(street.partyMemberAToken(), late, "DONE", List.of("https://img.example.cn/installed.jpg")));
        ok(update(street.adminAToken(), cancelled, "CANCELLED", null));
        assertThat(code(update(street.adminAToken(), cancelled, "DONE", List.of("https://x.cn/a.jpg")))).isEqualTo("INVALID_TRANSITION");

        // residents of the scope follow the progress
        JsonPath r = call(street.residentAToken(), TASKS, vars("id", id));
        assertThat(r.getLong("data.deliberation.executionRate.due")).isEqualTo(3L); // on time, late, overdue
        assertThat(r.getLong("data.deliberation.executionRate.completedOnTime")).isEqualTo(1L);
        assertThat(r.getLong("data.deliberation.executionRate.overdue")).isEqualTo(1L);
        assertThat(r.getDouble("data.deliberation.executionRate.rate")).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
        Map<String, Object> overdueTask = r.<Map<String, Object>>getList("data.deliberation.tasks").stream()
                .filter(t -> t.get("id").equals(overdue)).findFirst().orElseThrow();
        assertThat(overdueTask).containsEntry("overdue", true).containsEntry("onTime", false);

        // per subtree: the community and the street see it, community B has nothing due
        assertThat(call(street.adminAToken(), RATE, vars("org", TestStreet.orgId(street.communityA)))
                .getLong("data.deliberationExecutionRate.due")).isEqualTo(3L);
        assertThat(call(street.streetAdminToken(), RATE, vars("org", TestStreet.orgId(street.streetId)))
                .getLong("data.deliberationExecutionRate.completedOnTime")).isEqualTo(1L);
        JsonPath b = call(street.adminBToken(), RATE, vars("org", TestStreet.orgId(street.communityB)));
        assertThat(b.getLong("data.deliberationExecutionRate.due")).isZero();
        assertThat(b.getString("data.deliberationExecutionRate.rate")).isNull();

        // the resolution cannot be completed while a task is open
        assertThat(code(mutate(street.adminAToken(), "completeDeliberation", vars("deliberationId", id, "result", "x"))))
                .isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void tasksComeOnlyFromAPassedResolutionAndNeedOneOwner() {
        String proposed = fx.propose("尚未表决");
        assertThat(code(mutate(street.adminAToken(), "createDeliberationTask", vars("deliberationId", proposed, "title", "x",
                "ownerOrganizationId", TestStreet.orgId(street.communityA), "dueAt", OffsetDateTime.now().plusDays(3).toString()))))
                .isEqualTo("INVALID_TRANSITION");
        String id = implementing("更换路灯");
        assertThat(mutate(street.adminAToken(), "createDeliberationTask", vars("deliberationId", id, "title", "x",
                "ownerOrganizationId", TestStreet.orgId(street.communityA), "ownerMemberId", TestStreet.memberId(street.residentAId),
                "dueAt", OffsetDateTime.now().plusDays(3).toString())).getString("errors[0].extensions.field")).isEqualTo("ownerOrganizationId");
        assertThat(code(mutate(street.residentAToken(), "createDeliberationTask", vars("deliberationId", id, "title", "x",
                "ownerOrganizationId", TestStreet.orgId(street.communityA), "dueAt", OffsetDateTime.now().plusDays(3).toString()))))
                .isEqualTo("FORBIDDEN");

        // a task links resources of the pool (and only real ones)
        long fund = ((Number) fx.one("""
                insert into resource (tenant_id, community_id, kind, name, provider_org_id, coverage_org_id, coverage_path, coverage_depth,
                                      capacity_model, capacity, remaining, created_at, updated_at)
                select tenant_id, id, 'FUND', '社区公益金', id, id, path, depth, 'MONEY', 10000000, 10000000, now(), now()
                from organization where id = ? returning id""", street.communityA)).longValue();
        assertThat(mutate(street.adminAToken(), "createDeliberationTask", vars("deliberationId", id, "title", "采购路灯",
                "ownerOrganizationId", TestStreet.orgId(street.communityA), "dueAt", OffsetDateTime.now().plusDays(3).toString(),
                "resourceIds", List.of(TestStreet.id("Resource", fund + 1000)))).getString("errors[0].extensions.field")).isEqualTo("resourceIds");
        ok(mutate(street.adminAToken(), "createDeliberationTask", vars("deliberationId", id, "title", "采购路灯",
                "ownerOrganizationId", TestStreet.orgId(street.communityA), "dueAt", OffsetDateTime.now().plusDays(3).toString(),
                "resourceIds", List.of(TestStreet.id("Resource", fund)))));
        JsonPath r = call(street.residentAToken(), "query($id: ID!) { deliberation(id: $id) { tasks { title resources { name } } } }",
                vars("id", id));
        assertThat(r.getList("data.deliberation.tasks[0].resources.name")).containsExactly("社区公益金");
    }
}
