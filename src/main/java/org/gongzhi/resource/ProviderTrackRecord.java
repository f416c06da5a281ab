package org.gongzhi.resource;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.need.NeedRated;

/**
 * Keeps the providers' track record for matching: when a need is rated, its rating counts for whoever handled it
 * (the claiming or assigned member, else the assigned organization). Runs in the rating's transaction; a need
 * rated again after an objection replaces its earlier rating instead of counting twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ProviderTrackRecord {

    private final EntityManager em;

    ProviderTrackRecord(EntityManager em) {
        this.em = em;
    }

    void onRated(@Observes NeedRated event) {
        String type;
        Long provider;
        if (event.handlerMemberId() != null) {
            type = "M";
            provider = event.handlerMemberId();
        } else {
            type = "O";
            List<?> org = em.createNativeQuery("select assignee_org_id from need where id = :id").setParameter("id", event.needId())
                    .getResultList();
            provider = org.isEmpty() || org.get(0) == null ? null : ((Number) org.get(0)).longValue();
        }
        if (provider == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = em.createNativeQuery(
                "select provider_type, provider_id, rating from resource_provider_rating where need_id = :id for update")
                .setParameter("id", event.needId()).getResultList();
        if (!earlier.isEmpty()) {
            Object[] e = earlier.get(0);
            add(String.valueOf(e[0]), ((Number) e[1]).longValue(), -1, -((Number) e[2]).intValue());
            em.createNativeQuery("delete from resource_provider_rating where need_id = :id").setParameter("id", event.needId())
                    .executeUpdate();
        }
        em.createNativeQuery("insert into resource_provider_rating (need_id, provider_type, provider_id, rating) values (:n, :t, :p, :r)")
                .setParameter("n", event.needId()).setParameter("t", type).setParameter("p", provider)
                .setParameter("r", (short) event.rating()).executeUpdate();
        add(type, provider, 1, event.rating());
    }

    private void add(String type, long provider, int count, int rating) {
        int good = Math.abs(rating) >= 4 ? Integer.signum(count) : 0;
        em.createNativeQuery("""
                insert into resource_provider_record (provider_type, provider_id, rated_count, rating_sum, good_count)
                values (:t, :p, :c, :s, :g)
                on conflict (provider_type, provider_id) do update set rated_count = resource_provider_record.rated_count + :c,
                    rating_sum = resource_provider_record.rating_sum + :s, good_count = resource_provider_record.good_count + :g
                """).setParameter("t", type).setParameter("p", provider).setParameter("c", count).setParameter("s", rating)
                .setParameter("g", good).executeUpdate();
    }
}
