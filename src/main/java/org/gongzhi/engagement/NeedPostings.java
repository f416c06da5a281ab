package org.gongzhi.engagement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.gongzhi.engagement.Ledger.Counterparty;
import org.gongzhi.engagement.Ledger.Posting;
import org.gongzhi.need.NeedRated;
import org.gongzhi.platform.time.BusinessCalendar;

/**
 * Points for serving residents: when a requester rates a need that a party member or volunteer handled (claimed a
 * micro-wish, or was assigned it), the handler earns the configured points. Runs inside the rating transaction;
 * the posting key is the need's id, so a retried rating, a re-rating after rectification (整改) or an objection
 * never posts twice.
 */
@ApplicationScoped
class NeedPostings {

    private final EntityManager em;
    private final Ledger ledger;
    private final EngagementConfig config;
    private final BusinessCalendar calendar;

    NeedPostings(EntityManager em, Ledger ledger, EngagementConfig config, BusinessCalendar calendar) {
        this.em = em;
        this.ledger = ledger;
        this.config = config;
        this.calendar = calendar;
    }

    void onRated(@Observes NeedRated event) {
        if (event.handlerMemberId() == null || event.handlerMemberId() == event.requesterMemberId()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.tenant_id, n.title from member m join need n on n.id = :n where m.id = :m and (
                  exists (select 1 from membership ms where ms.member_id = m.id and ms.role in ('PARTY_MEMBER', 'VOLUNTEER')
                          and (ms.ended_on is null or ms.ended_on > :today))
                  or exists (select 1 from party_profile pp where pp.member_id = m.id))
                """).setParameter("n", event.needId()).setParameter("m", event.handlerMemberId())
                .setParameter("today", calendar.today()).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        long tenant = ((Number) rows.get(0)[0]).longValue();
        int points = event.microWish() ? config.pointsMicroWish() : config.pointsNeed();
        ledger.post(new Posting(tenant, event.handlerMemberId(), LedgerUnit.POINTS, LedgerEntryKind.NEED_RATED, Counterparty.ISSUANCE,
                "need:" + event.needId(), points, (event.microWish() ? "微心愿: " : "服务群众: ") + rows.get(0)[1], null));
    }
}
