package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.code;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.deliberation.DeliberationFixture.Member;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** 微实事: approval voting with a per-voter cap, and the funded set chosen greedily by approvals within the budget. */
@GraphQLTest
class ParticipatoryBudgetTest {

    static final String BUDGET = """
            query($id: ID!) { deliberation(id: $id) { outcome budget { totalFen maxProjectsPerVoter projects { id title costFen } }
              budgetSelection { selected { title } selectedCostFen remainingFen }
              vote { rule maxChoices tally { participatingUnits projects { projectId count } } } } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    private String project(String token, String id, String title, long cost) {
        ok(mutate(token, "addBudgetProject", vars("deliberationId", id, "title", title, "description", title + "，惠及全网格", "costFen", cost)));
        List<Map<String, Object>> projects = call(token, BUDGET, vars("id", id)).getList("data.deliberation.budget.projects");
        return (String) projects.stream().filter(p -> p.get("title").equals(title)).findFirst().orElseThrow().get("id");
    }

    @Test
    void theMostApprovedProjectsThatFitTheBudgetAreSelectedGreedily() {
        List<Member> voters = fx.people(6, "RESIDENT", "pb");
        assertThat(mutate(street.adminAToken(), "proposeDeliberation", vars("scopeId", TestStreet.orgId(street.gridA), "title", "微实事",
                "background", "x", "kind", "PARTICIPATORY_BUDGET")).getString("errors[0].extensions.field")).isEqualTo("budget");
        String id = fx.propose(street.adminAToken(), vars("scopeId", TestStreet.orgId(street.gridA), "title", "2027年网格微实事",
                "background", "10万元以内的民生小项目", "kind", "PARTICIPATORY_BUDGET",
                "budget", vars("totalFen", 10_000_000L, "maxProjectsPerVoter", 2)));
        String a = project(street.residentAToken(), id, "加装楼道扶手", 6_000_000L);
        String b = project(street.residentAToken(), id, "改造儿童游乐区", 5_000_000L);
        String c = project(street.partyMemberAToken(), id, "增设休闲座椅", 3_000_000L);
        String d = project(street.partyMemberAToken(), id, "安装快递柜", 2_000_000L);
        assertThat(mutate(street.residentAToken(), "addBudgetProject", vars("deliberationId", id, "title", "太贵", "description", "x",
                "costFen", 20_000_000L)).getString("errors[0].extensions.field")).isEqualTo("costFen");
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id)));

        assertThat(mutate(voters.get(0).token(), "castVote", vars("deliberationId", id, "projectIds", List.of(a, b, c)))
                .getString("errors[0].extensions.field")).isEqualTo("projectIds"); // at most 2
        assertThat(mutate(voters.get(0).token(), "castVote", vars("deliberationId", id, "choice", "FOR"))
                .getString("errors[0].extensions.field")).isEqualTo("projectIds");
        List<List<String>> approvals = List.of(List.of(a, b), List.of(a, b), List.of(a, c), List.of(a, c), List.of(b, d));
        for (int i = 0; i < approvals.size(); i++) {
            ok(mutate(voters.get(i).token(), "castVote", vars("deliberationId", id, "projectIds", approvals.get(i))));
        }
        // a: 4, b: 3, c: 2, d: 1 -> a (6万) fits, b (5万) does not, c (3万) fits, d (2万) does not
        JsonPath r = call(street.residentAToken(), BUDGET, vars("id", id));
        assertThat(r.getString("data.deliberation.vote.rule")).isEqualTo("APPROVAL");
        assertThat(r.getList("data.deliberation.budgetSelection.selected.title")).containsExactly("加装楼道扶手", "增设休闲座椅");
        assertThat(r.getLong("data.deliberation.budgetSelection.selectedCostFen")).isEqualTo(9_000_000L);
        assertThat(r.getLong("data.deliberation.budgetSelection.remainingFen")).isEqualTo(1_000_000L);
        assertThat(code(mutate(street.residentAToken(), "addBudgetProject", vars("deliberationId", id, "title", "迟到", "description", "x",
                "costFen", 100L)))).isEqualTo("INVALID_TRANSITION");

        assertThat(ok(advance(street.adminAToken(), id, "CLOSE_VOTING")).getString("data.advanceDeliberation.deliberation.outcome"))
                .isEqualTo("PASSED");
    }

    @Test
    void greedySelectionSkipsWhatDoesNotFitAndBreaksTiesByCost() {
        BudgetService.Budget budget = new BudgetService.Budget(100, 3, List.of(
                new BudgetService.Project("p1", "大", "", 80, 1), new BudgetService.Project("p2", "中", "", 50, 2),
                new BudgetService.Project("p3", "小", "", 20, 3), new BudgetService.Project("p4", "零票", "", 1, 4)), 9);
        Tally tally = new Tally(10, java.math.BigDecimal.ZERO, 10, java.math.BigDecimal.ZERO, List.of(),
                List.of(new Tally.ProjectCount("p1", 5, 1), new Tally.ProjectCount("p2", 5, 2), new Tally.ProjectCount("p3", 1, 3)),
                true, true);
        BudgetService.Selection s = BudgetService.select(budget, tally);
        // p1 and p2 tie on 5: the cheaper p2 first, then p1 (80) no longer fits, p3 fits; p4 has no approval
        assertThat(s.selected().stream().map(BudgetService.Project::title)).containsExactly("中", "小");
        assertThat(s.remainingFen()).isEqualTo(30);
    }
}
