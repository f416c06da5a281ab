package org.gongzhi.need;

import static org.gongzhi.platform.persistence.Rows.instant;
import static org.gongzhi.platform.persistence.Rows.lng;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.need.NeedInputs.UpdateNeedSlaPolicyInput;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.security.Role;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.time.Times;

/**
 * SLA policies per category x urgency, in the database. A street's own row wins over the platform default
 * (tenant 0). Only a street administrator edits them; a respond deadline never exceeds 48 hours.
 */
@ApplicationScoped
@Transactional
public class NeedSlaPolicies {

    static final int MAX_RESPOND_MINUTES = 48 * 60;
    private static final String COLUMNS = "category, urgency, respond_within_minutes, resolve_within_minutes, "
            + "acknowledge_within_minutes, warn_before_minutes, tenant_id, updated_at";

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final TimeSource time;

    NeedSlaPolicies(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency, TimeSource time) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.time = time;
    }

    /** The policy in force for a street. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NeedSlaPolicy policy(long tenantId, NeedCategory category, NeedUrgency urgency) {
        Object[] r = (Object[]) em.createNativeQuery("select " + COLUMNS + " from need_sla_policy "
                + "where tenant_id in (0, :t) and category = :c and urgency = :u order by tenant_id desc limit 1")
                .setParameter("t", tenantId).setParameter("c", category.name()).setParameter("u", urgency.name())
                .getSingleResult();
        return map(r);
    }

    /** Every policy in force for the caller's street (category x urgency). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NeedSlaPolicy> policies() {
        Actor actor = currentActor.get().requireAuthenticated();
        long tenant = actor.tenantId() == null ? -1 : actor.tenantId();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (category, urgency) " + COLUMNS
                + " from need_sla_policy where tenant_id in (0, :t) order by category, urgency, tenant_id desc")
                .setParameter("t", tenant).getResultList();
        List<NeedSlaPolicy> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(map(r));
        }
        return out;
    }

    public NeedSlaPolicy update(UpdateNeedSlaPolicyInput input) {
        if (input == null || input.category() == null || input.urgency() == null) {
            throw DomainException.invalid("input", "category and urgency are required");
        }
        Actor actor = currentActor.get().requireAuthenticated();
        if (!actor.has(Role.STREET_ADMIN) || actor.tenantId() == null || !actor.administers("/" + actor.tenantId() + "/")) {
            throw DomainException.forbidden("Only a street administrator may edit SLA policies");
        }
        if (input.respondWithinMinutes() < 1 || input.respondWithinMinutes() > MAX_RESPOND_MINUTES) {
            throw DomainException.invalid("respondWithinMinutes", "Respond within 1 minute to 48 hours (2880 minutes)");
        }
        if (input.resolveWithinMinutes() < input.respondWithinMinutes() || input.resolveWithinMinutes() > 365 * 24 * 60) {
            throw DomainException.invalid("resolveWithinMinutes", "Resolve-by must not be before respond-by, nor beyond a year");
        }
        if (input.acknowledgeWithinMinutes() < 1 || input.acknowledgeWithinMinutes() > MAX_RESPOND_MINUTES) {
            throw DomainException.invalid("acknowledgeWithinMinutes", "Acknowledge within 1 minute to 48 hours");
        }
        if (input.warnBeforeMinutes() < 0 || input.warnBeforeMinutes() >= input.resolveWithinMinutes()) {
            throw DomainException.invalid("warnBeforeMinutes", "Warn between 0 minutes and the resolve time before a deadline");
        }
        long tenant = actor.tenantId();
        idempotency.once(input.idempotencyKey(), "updateNeedSlaPolicy", input, () -> {
            em.createNativeQuery("""
                    insert into need_sla_policy (tenant_id, category, urgency, respond_within_minutes, resolve_within_minutes,
                                                 acknowledge_within_minutes, warn_before_minutes, updated_by, updated_at)
                    values (:t, :c, :u, :rs, :rv, :ak, :w, :by, :now)
                    on conflict (tenant_id, category, urgency) do update set
                      respond_within_minutes = excluded.respond_within_minutes,
                      resolve_within_minutes = excluded.resolve_within_minutes,
                      acknowledge_within_minutes = excluded.acknowledge_within_minutes,
                      warn_before_minutes = excluded.warn_before_minutes,
                      updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = need_sla_policy.version + 1
                    """).setParameter("t", tenant).setParameter("c", input.category().name())
                    .setParameter("u", input.urgency().name()).setParameter("rs", input.respondWithinMinutes())
                    .setParameter("rv", input.resolveWithinMinutes()).setParameter("ak", input.acknowledgeWithinMinutes())
                    .setParameter("w", input.warnBeforeMinutes()).setParameter("by", actor.subject()).setParameter("now", time.now())
                    .executeUpdate();
            audit.record(tenant, "need.sla.update", "NeedSlaPolicy", null, AuditLog.change("category", input.category(),
                    "urgency", input.urgency(), "respond", input.respondWithinMinutes(), "resolve", input.resolveWithinMinutes(),
                    "acknowledge", input.acknowledgeWithinMinutes(), "warn", input.warnBeforeMinutes()));
            return tenant;
        });
        return policy(tenant, input.category(), input.urgency());
    }

    private static NeedSlaPolicy map(Object[] r) {
        return new NeedSlaPolicy(NeedCategory.valueOf((String) r[0]), NeedUrgency.valueOf((String) r[1]),
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                lng(r[6]) != 0, Times.local(instant(r[7])));
    }
}
