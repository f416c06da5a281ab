package org.gongzhi.engagement;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Native queries with named parameters from a map (the reads of this package build their SQL and params together). */
final class NativeSql {

    private NativeSql() {
    }

    static Query query(EntityManager em, String sql, Map<String, ?> params) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q;
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> list(EntityManager em, String sql, Map<String, ?> params) {
        return query(em, sql, params).getResultList();
    }
}
