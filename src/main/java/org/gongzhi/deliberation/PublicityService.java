package org.gongzhi.deliberation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * The two publicities (两公开) and their objections. A publicity stays on display at least the configured
 * minimum; objections are accepted until its objection deadline and every one must be answered before the
 * deliberation moves on (PublicityWindowRule).
 */
@ApplicationScoped
@Transactional
public class PublicityService {

    static final int MAX_DAYS = 60;
    static final String TYPE = "DeliberationObjection";

    private final EntityManager em;
    private final DeliberationWorkflow flow;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final DeliberationConfig config;
    private final DeliberationQueries queries;
    private final VoteRolls rolls;
    private final BusinessCalendar calendar;

    PublicityService(EntityManager em, DeliberationWorkflow flow, Idempotency idempotency, TimeSource time,
            DeliberationConfig config, DeliberationQueries queries, VoteRolls rolls, BusinessCalendar calendar) {
        this.rolls = rolls;
        this.em = em;
        this.flow = flow;
        this.idempotency = idempotency;
        this.time = time;
        this.config = config;
        this.queries = queries;
        this.calendar = calendar;
    }

    @Name("RaiseObjectionInput")
    @Description("对公示提出异议（异议期内）(raise an objection to a publicity, before its objection deadline)")
    public record RaiseObjectionInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("针对哪一公开 (which publicity)") PublicityKind publicity,
            @NonNull @Description("异议内容 (the objection)") String body,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("AnswerObjectionInput")
    @Description("答复异议（范围内管理员）(answer an objection; administrators of the scope)")
    public record AnswerObjectionInput(
            @NonNull @Id @Description("异议 (the objection)") String objectionId,
            @NonNull @Description("答复 (the answer)") String answer,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    void validateWindow(Integer displayDays, Integer objectionDays) {
        long minDays = config.publicityMinDisplay().toDays();
        if (displayDays != null && (displayDays < minDays || displayDays > MAX_DAYS)) {
            throw DomainException.invalid("displayDays", "A publicity stays on display " + minDays + " to " + MAX_DAYS + " days");
        }
        long display = displayDays == null ? minDays : displayDays;
        if (objectionDays != null && (objectionDays < 1 || objectionDays > display)) {
            throw DomainException.invalid("objectionDays", "The objection window is 1 day up to the display period");
        }
    }

    void open(DeliberationEntity d, PublicityKind kind, String content, Integer displayDays, Integer objectionDays) {
        Instant now = time.now();
        Duration display = displayDays == null ? config.publicityMinDisplay() : Duration.ofDays(displayDays);
        Duration objection = objectionDays == null ? config.objectionWindow() : Duration.ofDays(objectionDays);
        if (objection.compareTo(display) > 0) {
            objection = display;
        }
        em.createNativeQuery("""
                insert into deliberation_publicity (deliberation_id, kind, content, starts_at, display_until, objection_deadline)
                values (:d, :k, :c, :s, :u, :o)
                """).setParameter("d", d.id).setParameter("k", kind.name()).setParameter("c", content).setParameter("s", now)
                .setParameter("u", calendar.after(now, display)).setParameter("o", calendar.after(now, objection)).executeUpdate();
    }

    /** PublicityWindowRule: the display period is over and every objection has an answer. */
    void requireWindowOver(DeliberationEntity d, PublicityKind kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.display_until, (select count(*) from deliberation_objection o where o.publicity_id = p.id and o.answered_at is null)
                from deliberation_publicity p where p.deliberation_id = :d and p.kind = :k
                """).setParameter("d", d.id).setParameter("k", kind.name()).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.invalidTransition("The " + kind.label() + " has not been made");
        }
        Instant until = org.gongzhi.platform.persistence.Rows.instant(rows.get(0)[0]);
        if (time.now().isBefore(until)) {
            throw DomainException.invalidTransition("The " + kind.label() + " is on display until " + until + " (公示期未满)");
        }
        long open = ((Number) rows.get(0)[1]).longValue();
        if (open > 0) {
            throw DomainException.invalidTransition(open + " objection(s) are not answered yet (异议未答复)");
        }
    }

    public DeliberationInputs.DeliberationPayload raise(RaiseObjectionInput input) {
        String body = Inputs.requireText(input.body(), "body", DeliberationService.MAX_NOTE);
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        if (input.publicity() == null) {
            throw DomainException.invalid("publicity", "publicity is required");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "raiseDeliberationObjection", input, () -> {
            DeliberationEntity d = flow.locked(id);
            Actor actor = flow.actor();
            long me = actor.requireMember();
            DeliberationAccess.requireParticipant(actor, d, rolls, "object");
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select id, objection_deadline from deliberation_publicity where deliberation_id = :d and kind = :k")
                    .setParameter("d", d.id).setParameter("k", input.publicity().name()).getResultList();
            if (rows.isEmpty()) {
                throw DomainException.invalidTransition("There is no " + input.publicity().label() + " to object to yet");
            }
            Instant deadline = org.gongzhi.platform.persistence.Rows.instant(rows.get(0)[1]);
            if (!time.now().isBefore(deadline)) {
                throw DomainException.invalidTransition("The objection window closed at " + deadline + " (异议期已过)");
            }
            long objection = ((Number) em.createNativeQuery("""
                    insert into deliberation_objection (publicity_id, member_id, body, raised_at) values (:p, :m, :b, :at) returning id
                    """).setParameter("p", ((Number) rows.get(0)[0]).longValue()).setParameter("m", me).setParameter("b", body)
                    .setParameter("at", time.now()).getSingleResult()).longValue();
            flow.event(d, "OBJECTION_RAISED", d.stage, d.stage, null);
            flow.audit(d, "deliberation.objection", TYPE, objection, AuditLog.change("publicity", input.publicity()));
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }

    public DeliberationInputs.DeliberationPayload answer(AnswerObjectionInput input) {
        String answer = Inputs.requireText(input.answer(), "answer", DeliberationService.MAX_NOTE);
        long objectionId = GlobalId.decode(TYPE, input.objectionId(), "objectionId");
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "answerDeliberationObjection", input, () -> {
            @SuppressWarnings("unchecked")
            List<Number> owner = em.createNativeQuery("""
                    select p.deliberation_id from deliberation_objection o join deliberation_publicity p on p.id = o.publicity_id
                    where o.id = :o
                    """).setParameter("o", objectionId).getResultList();
            if (owner.isEmpty()) {
                throw DomainException.notFound("DeliberationObjection", input.objectionId());
            }
            DeliberationEntity d = flow.locked(owner.get(0).longValue());
            DeliberationAccess.requireAdmin(flow.actor(), d, "answer objections");
            int updated = em.createNativeQuery("""
                    update deliberation_objection set answer = :a, answered_at = :at, answered_by_member_id = :m
                    where id = :o and answered_at is null
                    """).setParameter("a", answer).setParameter("at", time.now()).setParameter("m", flow.actor().memberId())
                    .setParameter("o", objectionId).executeUpdate();
            if (updated == 0) {
                throw DomainException.invalidTransition("The objection is already answered");
            }
            flow.event(d, "OBJECTION_ANSWERED", d.stage, d.stage, null);
            flow.audit(d, "deliberation.objection.answer", TYPE, objectionId, AuditLog.change("answered", true));
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }
}
