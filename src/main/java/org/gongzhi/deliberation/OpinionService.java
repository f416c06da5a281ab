package org.gongzhi.deliberation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.deliberation.DeliberationViews.Opinion;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * Opinions while a deliberation is CONSULTING. OneCurrentOpinion: the database keeps one current row per
 * member (partial unique index); an edit retires it and inserts the new text, so history stays. A member's
 * edits serialize on a transaction-scoped advisory lock. Moderators (administrators of the scope) hide an
 * opinion with a reason; hidden text stays stored and visible to them.
 */
@ApplicationScoped
@Transactional
public class OpinionService {

    static final int MAX_BODY = 2000;

    private final EntityManager em;
    private final DeliberationWorkflow flow;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final DeliberationQueries queries;

    OpinionService(EntityManager em, DeliberationWorkflow flow, Idempotency idempotency, TimeSource time, DeliberationQueries queries) {
        this.em = em;
        this.flow = flow;
        this.idempotency = idempotency;
        this.time = time;
        this.queries = queries;
    }

    @Name("GiveOpinionInput")
    @Description("发表或修改我的意见（协商阶段）(give or change my opinion while CONSULTING; the earlier text is kept as history)")
    public record GiveOpinionInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("立场 (stance)") OpinionStance stance,
            @NonNull @Description("内容，最多2000字 (text, at most 2000 characters)") String body,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("HideOpinionInput")
    @Description("隐藏意见（范围内管理员），须说明理由 (hide an opinion, with a reason; administrators of the scope)")
    public record HideOpinionInput(
            @NonNull @Id @Description("意见 (the opinion)") String opinionId,
            @NonNull @Description("理由 (reason)") String reason,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    public DeliberationInputs.DeliberationPayload give(GiveOpinionInput input) {
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        String body = Inputs.requireText(input.body(), "body", MAX_BODY);
        if (input.stance() == null) {
            throw DomainException.invalid("stance", "stance is required");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "giveDeliberationOpinion", input, () -> {
            Actor actor = flow.actor();
            long me = actor.requireMember();
            DeliberationEntity d = DeliberationEntity.findById(id);
            if (d == null) {
                throw DomainException.notFound("Deliberation", input.deliberationId());
            }
            DeliberationAccess.requireVisible(actor, d);
            if (!DeliberationAccess.may(actor, d, DeliberationPerformer.MEMBER_IN_SCOPE)) {
                throw DomainException.forbidden("Only members of the scope give opinions");
            }
            if (d.stage != DeliberationStage.CONSULTING) {
                throw DomainException.invalidTransition("Opinions are open while the deliberation is CONSULTING, not " + d.stage);
            }
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                    .setParameter("k", "deliberation-opinion:" + d.id + ":" + me).getSingleResult();
            em.createNativeQuery("""
                    update deliberation_opinion set is_current = false, superseded_at = :now
                    where deliberation_id = :d and member_id = :m and is_current
                    """).setParameter("now", time.now()).setParameter("d", d.id).setParameter("m", me).executeUpdate();
            long opinion = ((Number) em.createNativeQuery("""
                    insert into deliberation_opinion (deliberation_id, member_id, stance, body, is_current, created_at)
                    values (:d, :m, :s, :b, true, :now) returning id
                    """).setParameter("d", d.id).setParameter("m", me).setParameter("s", input.stance().name()).setParameter("b", body)
                    .setParameter("now", time.now()).getSingleResult()).longValue();
            flow.audit(d, "deliberation.opinion", Opinion.TYPE, opinion, AuditLog.change("stance", input.stance()));
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }

    public DeliberationInputs.DeliberationPayload hide(HideOpinionInput input) {
        long opinionId = GlobalId.decode(Opinion.TYPE, input.opinionId(), "opinionId");
        String reason = Inputs.requireText(input.reason(), "reason", DeliberationService.MAX_REASON);
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "hideDeliberationOpinion", input, () -> {
            @SuppressWarnings("unchecked")
            List<Number> owner = em.createNativeQuery("select deliberation_id from deliberation_opinion where id = :o")
                    .setParameter("o", opinionId).getResultList();
            if (owner.isEmpty()) {
                throw DomainException.notFound("DeliberationOpinion", input.opinionId());
            }
            DeliberationEntity d = flow.locked(owner.get(0).longValue());
            DeliberationAccess.requireAdmin(flow.actor(), d, "hide opinions");
            int updated = em.createNativeQuery("""
                    update deliberation_opinion set hidden_at = :now, hidden_reason = :r, hidden_by_member_id = :m
                    where id = :o and hidden_at is null
                    """).setParameter("now", time.now()).setParameter("r", reason).setParameter("m", flow.actor().memberId())
                    .setParameter("o", opinionId).executeUpdate();
            if (updated == 0) {
                throw DomainException.invalidTransition("The opinion is already hidden");
            }
            flow.event(d, "OPINION_HIDDEN", d.stage, d.stage, reason);
            flow.audit(d, "deliberation.opinion.hide", Opinion.TYPE, opinionId, AuditLog.change("reason", reason));
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }
}
