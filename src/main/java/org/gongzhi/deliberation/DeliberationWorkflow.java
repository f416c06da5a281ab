package org.gongzhi.deliberation;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gongzhi.deliberation.DeliberationTransitions.Transition;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.TimeSource;

/**
 * The common shape of every deliberation write: load the row locked (writes of one deliberation serialize
 * on it), check visibility, performer and stage against {@link DeliberationTransitions}, then record the
 * timeline event and the audit entry in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliberationWorkflow {

    static final String SYSTEM_SUBJECT = "system:deliberation";

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final TimeSource time;

    DeliberationWorkflow(EntityManager em, CurrentActor currentActor, AuditLog audit, TimeSource time) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.time = time;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Actor actor() {
        return currentActor.get().requireAuthenticated();
    }

    /** The deliberation, locked for update, visible to the caller. */
    DeliberationEntity locked(long id) {
        Actor actor = actor();
        DeliberationEntity d = em.find(DeliberationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw DomainException.notFound("Deliberation", GlobalId.encode(Deliberation.TYPE, id));
        }
        DeliberationAccess.requireVisible(actor, d);
        return d;
    }

    /** Checks performer and stage for {@code action}; returns the transition (its target stage is not yet applied). */
    Transition check(DeliberationEntity d, DeliberationAction action) {
        Transition t = DeliberationTransitions.of(action);
        DeliberationAccess.requirePerformer(actor(), d, t);
        return DeliberationTransitions.require(action, d.stage);
    }

    /** Applies a checked transition: new stage, timeline event, audit entry. */
    void move(DeliberationEntity d, Transition t, String note, Map<String, ?> change) {
        DeliberationStage from = d.stage;
        d.stage = t.to();
        d.updatedAt = time.now();
        event(d, t.action().name(), from, d.stage, note);
        em.flush();
        audit.record(d.auditChainKey(), "deliberation." + t.action().name().toLowerCase(), "Deliberation", d.id, change);
    }

    /** A timeline event (also for steps that do not change the stage: opinions hidden, 四议 steps, objections). */
    void event(DeliberationEntity d, String action, DeliberationStage from, DeliberationStage to, String note) {
        Actor actor = currentActor.get();
        em.createNativeQuery("""
                insert into deliberation_event (deliberation_id, at, action, from_stage, to_stage, actor_member_id, actor_subject, note)
                values (:d, :at, :a, :from, :to, :m, :s, :note)
                """).setParameter("d", d.id).setParameter("at", time.now()).setParameter("a", action)
                .setParameter("from", from == null ? null : from.name()).setParameter("to", to == null ? null : to.name())
                .setParameter("m", actor.memberId()).setParameter("s", actor.isAnonymous() ? SYSTEM_SUBJECT : actor.subject())
                .setParameter("note", note).executeUpdate();
    }

    void audit(DeliberationEntity d, String action, String entityType, Long entityId, Map<String, ?> change) {
        audit.record(d.auditChainKey(), action, entityType, entityId, change);
    }
}
