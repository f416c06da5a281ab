package org.gongzhi.deliberation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * 微实事 (participatory budget): a budget in fen, projects proposed by members of the scope, approval voting
 * (each voter approves up to max_projects_per_voter projects), and BudgetSelection: projects sorted by
 * approvals (most first; ties: cheaper first, then earlier proposed) are funded greedily while they fit in
 * what is left of the budget; a project that does not fit is skipped and the next one is tried.
 */
@ApplicationScoped
@Transactional
public class BudgetService {

    static final String PROJECT_TYPE = "BudgetProject";

    private final EntityManager em;
    private final DeliberationWorkflow flow;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final DeliberationQueries queries;

    BudgetService(EntityManager em, DeliberationWorkflow flow, Idempotency idempotency, TimeSource time, DeliberationQueries queries) {
        this.em = em;
        this.flow = flow;
        this.idempotency = idempotency;
        this.time = time;
        this.queries = queries;
    }

    @Name("AddBudgetProjectInput")
    @Description("提出微实事项目（提议或协商阶段）(propose a project for a participatory budget, while PROPOSED or CONSULTING)")
    public record AddProjectInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("项目名称 (title)") String title,
            @NonNull @Description("项目说明 (description)") String description,
            @NonNull @Description("预算（分）(cost in fen)") long costFen,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("BudgetProject")
    @Description("微实事项目 (a project of a participatory budget)")
    public record Project(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("项目名称 (title)") String title,
            @NonNull @Description("项目说明 (description)") String description,
            @NonNull @Description("预算（分）(cost in fen)") long costFen,
            @Ignore long dbId) {
    }

    @Name("DeliberationBudget")
    @Description("微实事预算与入选结果 (the budget, its projects and the selection within it)")
    public record Budget(
            @NonNull @Description("预算总额（分）(total, fen)") long totalFen,
            @NonNull @Description("每人最多认可项目数 (approvals per voter)") int maxProjectsPerVoter,
            @NonNull @Description("项目 (projects, oldest first)") List<@NonNull Project> projects,
            @Ignore long deliberationDbId) {
    }

    @Name("BudgetSelection")
    @Description("按得票贪心选出的入选项目：得票多者优先（同票低价优先），放得下即入选，放不下跳过 (greedy selection by approvals within the budget)")
    public record Selection(
            @NonNull @Description("入选项目，按入选顺序 (selected projects, in selection order)") List<@NonNull Project> selected,
            @NonNull @Description("入选合计（分）(cost of the selection, fen)") long selectedCostFen,
            @NonNull @Description("结余（分）(left over, fen)") long remainingFen) {
    }

    public DeliberationInputs.DeliberationPayload addProject(AddProjectInput input) {
        String title = Inputs.requireText(input.title(), "title", DeliberationService.MAX_TITLE);
        String description = Inputs.requireText(input.description(), "description", DeliberationService.MAX_NOTE);
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        if (input.costFen() <= 0) {
            throw DomainException.invalid("costFen", "costFen is a positive amount in fen");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "addBudgetProject", input, () -> {
            DeliberationEntity d = flow.locked(id);
            Actor actor = flow.actor();
            long me = actor.requireMember();
            if (d.kind != DeliberationKind.PARTICIPATORY_BUDGET) {
                throw DomainException.invalid("deliberationId", "Only a participatory budget takes projects");
            }
            if (!DeliberationAccess.may(actor, d, DeliberationPerformer.MEMBER_IN_SCOPE)) {
                throw DomainException.forbidden("Only members of the scope may propose projects");
            }
            if (d.stage != DeliberationStage.PROPOSED && d.stage != DeliberationStage.CONSULTING) {
                throw DomainException.invalidTransition("Projects are proposed before voting starts");
            }
            long total = ((Number) em.createNativeQuery("select total_fen from deliberation_budget where deliberation_id = :d")
                    .setParameter("d", d.id).getSingleResult()).longValue();
            if (input.costFen() > total) {
                throw DomainException.invalid("costFen", "A project costs at most the whole budget (" + total + " fen)");
            }
            long project = ((Number) em.createNativeQuery("""
                    insert into budget_project (deliberation_id, title, description, cost_fen, proposer_member_id, created_at)
                    values (:d, :t, :desc, :c, :m, :now) returning id
                    """).setParameter("d", d.id).setParameter("t", title).setParameter("desc", description)
                    .setParameter("c", input.costFen()).setParameter("m", me).setParameter("now", time.now()).getSingleResult()).longValue();
            flow.event(d, "PROJECT_ADDED", d.stage, d.stage, title);
            flow.audit(d, "deliberation.budget.project", PROJECT_TYPE, project, AuditLog.change("cost", input.costFen()));
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }

    /** BudgetSelection over the approvals of a tally (see the class comment). */
    static Selection select(Budget budget, Tally tally) {
        if (budget == null) {
            return new Selection(List.of(), 0, 0);
        }
        Map<Long, Long> approvals = new HashMap<>();
        if (tally != null) {
            for (Tally.ProjectCount pc : tally.projects()) {
                approvals.put(pc.projectDbId(), pc.count());
            }
        }
        List<Project> ranked = new ArrayList<>(budget.projects());
        ranked.sort(Comparator.comparingLong((Project p) -> -approvals.getOrDefault(p.dbId(), 0L))
                .thenComparingLong(Project::costFen).thenComparingLong(Project::dbId));
        long left = budget.totalFen();
        List<Project> selected = new ArrayList<>();
        for (Project p : ranked) {
            if (approvals.getOrDefault(p.dbId(), 0L) > 0 && p.costFen() <= left) {
                selected.add(p);
                left -= p.costFen();
            }
        }
        return new Selection(List.copyOf(selected), budget.totalFen() - left, left);
    }
}
