package org.gongzhi.deliberation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.deliberation.DeliberationViews.Task;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;
import org.gongzhi.resource.Resource;

/**
 * 督办: a passed resolution spawns tasks (owner organization or member, due time, funds, linked resources).
 * TaskProgress: OPEN → IN_PROGRESS → DONE (with evidence), or CANCELLED by the scope's administrators; the
 * owner (the member, or whoever serves the owner organization) and the scope's administrators move them.
 */
@ApplicationScoped
@Transactional
public class TaskService {

    static final int MAX_EVIDENCE = 20;

    private final EntityManager em;
    private final DeliberationWorkflow flow;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final DeliberationQueries queries;

    TaskService(EntityManager em, DeliberationWorkflow flow, Idempotency idempotency, TimeSource time, DeliberationQueries queries) {
        this.em = em;
        this.flow = flow;
        this.idempotency = idempotency;
        this.time = time;
        this.queries = queries;
    }

    @Name("CreateDeliberationTaskInput")
    @Description("为已通过的决议派发督办任务 (spawn an implementation task from a passed resolution)")
    public record CreateTaskInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("任务 (title)") String title,
            @Id @Description("责任组织 (owner organization)") String ownerOrganizationId,
            @Id @Description("责任人 (owner member)") String ownerMemberId,
            @NonNull @Description("截止时间 (due at)") OffsetDateTime dueAt,
            @Description("资金（分）(funds, fen)") Long fundFen,
            @Id @Description("关联资源 (linked resources)") List<String> resourceIds,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("UpdateDeliberationTaskInput")
    @Description("更新督办任务进度；完成须附佐证 (move a task on; DONE needs evidence)")
    public record UpdateTaskInput(
            @NonNull @Id @Description("任务 (the task)") String taskId,
            @NonNull @Description("新状态 (new status)") DeliberationTaskStatus status,
            @Description("佐证材料地址（追加）(evidence URLs to add)") List<String> evidenceUrls,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    public DeliberationInputs.DeliberationPayload create(CreateTaskInput input) {
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        String title = Inputs.requireText(input.title(), "title", 200);
        Long org = GlobalId.decodeNullable(Organization.TYPE, input.ownerOrganizationId(), "ownerOrganizationId");
        Long member = GlobalId.decodeNullable("Member", input.ownerMemberId(), "ownerMemberId");
        if ((org == null) == (member == null)) {
            throw DomainException.invalid("ownerOrganizationId", "A task has exactly one owner: an organization or a member");
        }
        if (input.dueAt() == null) {
            throw DomainException.invalid("dueAt", "dueAt is required");
        }
        if (input.fundFen() != null && input.fundFen() < 0) {
            throw DomainException.invalid("fundFen", "fundFen is not negative");
        }
        List<Long> resources = DeliberationService.ids(input.resourceIds(), Resource.TYPE, "resourceIds");
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "createDeliberationTask", input, () -> {
            DeliberationEntity d = flow.locked(id);
            DeliberationAccess.requireAdmin(flow.actor(), d, "assign implementation tasks");
            if (d.outcome != DeliberationOutcome.PASSED
                    || (d.stage != DeliberationStage.PUBLICIZED && d.stage != DeliberationStage.IMPLEMENTING)) {
                throw DomainException.invalidTransition("Tasks are spawned from a passed resolution that is publicised or being implemented");
            }
            if (org != null) {
                OrganizationEntity o = OrganizationEntity.findById(org);
                if (o == null || !o.isActive() || o.tenantId != d.tenantId) {
                    throw DomainException.invalid("ownerOrganizationId", "No such active organization in this street");
                }
            } else if (((Number) em.createNativeQuery("select count(*) from member where id = :m and tenant_id = :t")
                    .setParameter("m", member).setParameter("t", d.tenantId).getSingleResult()).longValue() == 0) {
                throw DomainException.invalid("ownerMemberId", "No such member in this street");
            }
            if (!resources.isEmpty() && ((Number) em.createNativeQuery(
                    "select count(*) from resource where id in (:ids) and tenant_id = :t").setParameter("ids", resources)
                    .setParameter("t", d.tenantId).getSingleResult()).longValue() != resources.size()) {
                throw DomainException.invalid("resourceIds", "No such resource in this street's pool");
            }
            long task = ((Number) em.createNativeQuery("""
                    insert into deliberation_task (deliberation_id, tenant_id, title, owner_org_id, owner_member_id, due_at, status, fund_fen,
                                                   created_at, updated_at)
                    values (:d, :t, :title, :o, :m, :due, 'OPEN', :fund, :now, :now) returning id
                    """).setParameter("d", d.id).setParameter("t", d.tenantId).setParameter("title", title).setParameter("o", org)
                    .setParameter("m", member).setParameter("due", input.dueAt().toInstant()).setParameter("fund", input.fundFen())
                    .setParameter("now", time.now()).getSingleResult()).longValue();
            for (Long r : resources) {
                em.createNativeQuery("insert into deliberation_task_resource (task_id, resource_id) values (:t, :r)")
                        .setParameter("t", task).setParameter("r", r).executeUpdate();
            }
            flow.event(d, "TASK_CREATED", d.stage, d.stage, title);
            flow.audit(d, "deliberation.task.create", Task.TYPE, task, AuditLog.change("owner", org != null ? org : member,
                    "due", input.dueAt(), "fund", input.fundFen(), "resources", resources));
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }

    public DeliberationInputs.DeliberationPayload update(UpdateTaskInput input) {
        long taskId = GlobalId.decode(Task.TYPE, input.taskId(), "taskId");
        String note = Inputs.optionalText(input.note(), "note", DeliberationService.MAX_NOTE);
        List<String> evidence = DeliberationService.urls(input.evidenceUrls(), "evidenceUrls", MAX_EVIDENCE);
        if (input.status() == null) {
            throw DomainException.invalid("status", "status is required");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "updateDeliberationTask", input, () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select t.deliberation_id, t.status, t.owner_member_id, o.path, cardinality(t.evidence_urls)
                    from deliberation_task t left join organization o on o.id = t.owner_org_id where t.id = :t
                    """).setParameter("t", taskId).getResultList();
            if (rows.isEmpty()) {
                throw DomainException.notFound("DeliberationTask", input.taskId());
            }
            Object[] row = rows.get(0);
            DeliberationEntity d = flow.locked(((Number) row[0]).longValue());
            Actor actor = flow.actor();
            boolean admin = DeliberationAccess.may(actor, d, DeliberationPerformer.ADMIN_IN_SCOPE);
            boolean owner = actor.isMember(row[2] == null ? null : ((Number) row[2]).longValue())
                    || (row[3] != null && actor.serves((String) row[3]));
            if (!admin && !(owner && input.status() != DeliberationTaskStatus.CANCELLED)) {
                throw DomainException.forbidden("Only the task's owner or the scope's administrators move a task (cancel: administrators)");
            }
            DeliberationTaskStatus from = DeliberationTaskStatus.valueOf((String) row[1]);
            boolean allowed = switch (input.status()) {
                case IN_PROGRESS -> from == DeliberationTaskStatus.OPEN;
                case DONE, CANCELLED -> from == DeliberationTaskStatus.OPEN || from == DeliberationTaskStatus.IN_PROGRESS;
                case OPEN -> false;
            };
            if (!allowed || d.stage != DeliberationStage.IMPLEMENTING) {
                throw DomainException.invalidTransition("Cannot move a task from " + from + " to " + input.status()
                        + (d.stage != DeliberationStage.IMPLEMENTING ? " before implementation starts" : ""));
            }
            if (input.status() == DeliberationTaskStatus.DONE && evidence.isEmpty() && ((Number) row[4]).intValue() == 0) {
                throw DomainException.invalid("evidenceUrls", "A finished task shows its evidence (佐证材料)");
            }
            em.createNativeQuery("""
                    update deliberation_task set status = :s, evidence_urls = evidence_urls || cast(:e as text[]),
                           completed_at = %s, note = coalesce(:note, note), updated_at = :now
                    where id = :t
                    """.formatted(input.status() == DeliberationTaskStatus.DONE ? ":now" : "null")).setParameter("s", input.status().name()).setParameter("e", textArray(evidence)).setParameter("now", time.now())
                    .setParameter("note", note).setParameter("t", taskId).executeUpdate();
            flow.audit(d, "deliberation.task.update", Task.TYPE, taskId, AuditLog.change("from", from, "to", input.status(),
                    "evidence", evidence.size()));
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }

    private static String textArray(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add('"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return "{" + String.join(",", quoted) + "}";
    }
}
