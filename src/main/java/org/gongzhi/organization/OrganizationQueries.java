package org.gongzhi.organization;

import static org.gongzhi.platform.persistence.Rows.lng;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.security.Actor;

/**
 * Batched reads of the tree. Every method answers for a whole list of source organizations with a fixed
 * number of statements, so nested GraphQL selections never multiply queries (no N+1).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrganizationQueries {

    private final EntityManager em;

    OrganizationQueries(EntityManager em) {
        this.em = em;
    }

    public List<Organization> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return rows("select " + OrganizationRows.COLUMNS + " from organization o where o.id in (:ids)", Map.of("ids", ids), 0);
    }

    /** Parent of each source (null for roots), one statement. */
    public List<Organization> parents(List<Organization> sources) {
        List<Long> ids = sources.stream().map(Organization::parentDbId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : byIds(ids)) {
            byId.put(o.dbId(), o);
        }
        List<Organization> out = new ArrayList<>(sources.size());
        for (Organization s : sources) {
            out.add(s.parentDbId() == null ? null : byId.get(s.parentDbId()));
        }
        return out;
    }

    /** Ancestors of each source, root first, one statement for all sources. */
    public List<List<Organization>> ancestors(List<Organization> sources) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Organization s : sources) {
            ids.addAll(OrganizationService.ancestorIds(s.path()));
        }
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : byIds(List.copyOf(ids))) {
            byId.put(o.dbId(), o);
        }
        List<List<Organization>> out = new ArrayList<>(sources.size());
        for (Organization s : sources) {
            out.add(OrganizationService.ancestorIds(s.path()).stream().map(byId::get).toList());
        }
        return out;
    }

    /**
     * A page of children for every source: one lateral query (index on parent_id, id) plus one count.
     */
    public List<OrganizationConnection> children(List<Organization> sources, PageRequest page, boolean includeDissolved) {
        List<Long> ids = sources.stream().map(Organization::dbId).toList();
        String status = includeDissolved ? "" : " and c.status = 'ACTIVE'";
        Long after = page.afterId();
        List<Object[]> raw = list("""
                select s.id, %s from organization s cross join lateral (
                    select c.* from organization c where c.parent_id = s.id %s and c.id > :after order by c.id limit :n
                ) o where s.id in (:ids)
                """.formatted(OrganizationRows.COLUMNS, status),
                Map.of("ids", ids, "after", after == null ? 0L : after, "n", page.fetchSize()));
        Map<Long, Long> counts = counts("select c.parent_id, count(*) from organization c where c.parent_id in (:ids)" + status
                + " group by c.parent_id", ids);
        return connections(ids, raw, counts, page);
    }

    /** A page of descendants (any depth, optionally of one kind) for every source: path-prefix index scans. */
    public List<OrganizationConnection> descendants(List<Organization> sources, OrganizationKind kind, PageRequest page) {
        List<Long> ids = sources.stream().map(Organization::dbId).toList();
        String kindFilter = kind == null ? "" : " and d.kind = :kind";
        Long after = page.afterId();
        Map<String, Object> params = new HashMap<>(Map.of("ids", ids, "after", after == null ? 0L : after, "n", page.fetchSize()));
        if (kind != null) {
            params.put("kind", kind.name());
        }
        List<Object[]> raw = list("""
                select s.id, %s from organization s cross join lateral (
                    select d.* from organization d where d.path like s.path || '%%' and d.id <> s.id
                      and d.status = 'ACTIVE' %s and d.id > :after order by d.id limit :n
                ) o where s.id in (:ids)
                """.formatted(OrganizationRows.COLUMNS, kindFilter), params);
        Map<String, Object> countParams = new HashMap<>(Map.of("ids", ids));
        if (kind != null) {
            countParams.put("kind", kind.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> countRows = query("""
                select s.id, (select count(*) from organization d where d.path like s.path || '%%' and d.id <> s.id
                               and d.status = 'ACTIVE' %s)
                from organization s where s.id in (:ids)
                """.formatted(kindFilter), countParams).getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : countRows) {
            counts.put(lng(r[0]), lng(r[1]));
        }
        return connections(ids, raw, counts, page);
    }

    /** Organizations of the actor's tenant filtered by kind, subtree and a name substring (pg_trgm index). */
    public OrganizationConnection search(Actor actor, OrganizationKind kind, String underPath, String nameContains, PageRequest page) {
        StringBuilder where = new StringBuilder(" where o.tenant_id = :tenant and o.status = 'ACTIVE'");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", actor.tenantId());
        if (kind != null) {
            where.append(" and o.kind = :kind");
            params.put("kind", kind.name());
        }
        if (underPath != null) {
            where.append(" and o.path like :under");
            params.put("under", underPath + "%");
        }
        if (nameContains != null) {
            where.append(" and o.name ilike :name");
            params.put("name", "%" + escapeLike(nameContains) + "%");
        }
        long total = ((Number) query("select count(*) from organization o" + where, params).getSingleResult()).longValue();
        Long after = page.afterId();
        params.put("after", after == null ? 0L : after);
        params.put("n", page.fetchSize());
        List<Organization> fetched = rows("select " + OrganizationRows.COLUMNS + " from organization o" + where
                + " and o.id > :after order by o.id limit :n", params, 0);
        return OrganizationConnection.of(Slice.of(fetched, page, total));
    }

    /** Households per grid (0 for non-grids), one statement. */
    public Map<Long, Long> householdCounts(List<Long> gridIds) {
        if (gridIds.isEmpty()) {
            return Map.of();
        }
        return counts("select h.grid_id, count(*) from household h where h.grid_id in (:ids) group by h.grid_id", gridIds);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<OrganizationConnection> connections(List<Long> ids, List<Object[]> raw, Map<Long, Long> counts, PageRequest page) {
        Map<Long, List<Organization>> grouped = new HashMap<>();
        for (Object[] r : raw) {
            grouped.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(OrganizationRows.map(r, 1));
        }
        List<OrganizationConnection> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            out.add(OrganizationConnection.of(Slice.of(grouped.getOrDefault(id, List.of()), page, counts.getOrDefault(id, 0L))));
        }
        return out;
    }

    private Map<Long, Long> counts(String sql, List<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : list(sql, Map.of("ids", ids))) {
            counts.put(lng(r[0]), lng(r[1]));
        }
        return counts;
    }

    private List<Organization> rows(String sql, Map<String, Object> params, int offset) {
        List<Organization> out = new ArrayList<>();
        for (Object[] r : list(sql, params)) {
            out.add(OrganizationRows.map(r, offset));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> list(String sql, Map<String, Object> params) {
        return query(sql, params).getResultList();
    }

    private jakarta.persistence.Query query(String sql, Map<String, Object> params) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q;
    }

    static List<Long> idsOf(List<Organization> orgs) {
        return orgs.stream().map(Organization::dbId).toList();
    }

}
