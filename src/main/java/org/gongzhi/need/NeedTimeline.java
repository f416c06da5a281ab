package org.gongzhi.need;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.events.PgEventBus;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.TimeSource;

/** Appends timeline events and announces changes to every pod (NOTIFY on commit). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NeedTimeline {

    /** The LISTEN/NOTIFY channel of need changes. */
    public static final String CHANNEL = "need_changed";
    static final String SYSTEM_SUBJECT = "system:sla-job";

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final TimeSource time;
    private final PgEventBus bus;

    NeedTimeline(EntityManager em, CurrentActor currentActor, TimeSource time, PgEventBus bus) {
        this.em = em;
        this.currentActor = currentActor;
        this.time = time;
        this.bus = bus;
    }

    void record(NeedEntity n, NeedEventKind kind, NeedStatus from, NeedStatus to, Long organizationId, Long memberId,
            String note, boolean automatic) {
        Actor actor = automatic ? Actor.ANONYMOUS : currentActor.get();
        em.createNativeQuery("""
                insert into need_event (tenant_id, need_id, at, kind, from_status, to_status, actor_member_id, actor_subject,
                                        organization_id, member_id, note)
                values (:t, :n, :at, :k, :from, :to, :am, :as, :org, :m, :note)
                """).setParameter("t", n.tenantId).setParameter("n", n.id).setParameter("at", time.now())
                .setParameter("k", kind.name()).setParameter("from", from == null ? null : from.name())
                .setParameter("to", to == null ? null : to.name()).setParameter("am", actor.memberId())
                .setParameter("as", automatic || actor.isAnonymous() ? SYSTEM_SUBJECT : actor.subject())
                .setParameter("org", organizationId).setParameter("m", memberId).setParameter("note", note)
                .executeUpdate();
    }

    /** A small JSON notice: which need, its status and the two subtrees it belongs to (place and responsibility). */
    void publish(NeedEntity n, NeedAction action) {
        String json = "{\"needId\":\"" + GlobalId.encode(Need.TYPE, n.id) + "\",\"status\":\"" + n.status
                + "\",\"action\":" + (action == null ? "null" : "\"" + action + "\"") + ",\"tenantId\":" + n.tenantId
                + ",\"placePath\":\"" + n.placePath + "\",\"responsiblePath\":\"" + n.responsiblePath
                + "\",\"at\":\"" + time.now() + "\"}";
        bus.publish(CHANNEL, json);
    }
}
