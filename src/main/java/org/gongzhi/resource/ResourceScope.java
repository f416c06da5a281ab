package org.gongzhi.resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.security.Actor;

/**
 * Who sees and manages which resources (ResourceScopeRule).
 * <ul>
 * <li>Administrators and grid workers see the resources whose coverage lies inside the subtrees they serve,
 * and those covering an ancestor of it (a street-wide service is on a community's list too).</li>
 * <li>Everyone else (residents, volunteers) sees ACTIVE resources covering their home (their grid, else
 * their community): coverage is an ancestor-or-self of the home path. A fund's spending is public to them.</li>
 * <li>Managing (create, update, pause, retire, release) needs administration of the coverage.</li>
 * </ul>
 * Ancestor tests compare {@code coverage_path = any(ancestor paths)} so they stay index-driven.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ResourceScope {

    private final EntityManager em;

    ResourceScope(EntityManager em) {
        this.em = em;
    }

    /** '/1/5/23/' → ['/1/', '/1/5/', '/1/5/23/']. */
    public static List<String> ancestorsOrSelf(String path) {
        List<String> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                out.add(path.substring(0, i + 1));
            }
        }
        return out;
    }

    /** The path of the caller's home: their household's grid, else their community; null when they have neither. */
    public String homePath(Actor actor) {
        if (actor.householdId() != null) {
            List<?> rows = em.createNativeQuery("select o.path from household h join organization o on o.id = h.grid_id where h.id = :h")
                    .setParameter("h", actor.householdId()).getResultList();
            if (!rows.isEmpty()) {
                return (String) rows.get(0);
            }
        }
        if (actor.communityId() != null) {
            List<?> rows = em.createNativeQuery("select path from organization where id = :c").setParameter("c", actor.communityId())
                    .getResultList();
            if (!rows.isEmpty()) {
                return (String) rows.get(0);
            }
        }
        return null;
    }

    /** Whether the caller may see the resource at all. */
    public boolean canSee(Actor a, Resource r) {
        if (a.isAnonymous() || a.tenantId() == null || a.tenantId() != r.tenantId()) {
            return false;
        }
        if (a.serves(r.coveragePath()) || a.isMember(r.providerMemberId())) {
            return true;
        }
        for (String p : a.servicePaths()) {
            if (p.startsWith(r.coveragePath())) {
                return true;
            }
        }
        String home = homePath(a);
        return r.status() == ResourceStatus.ACTIVE && home != null && home.startsWith(r.coveragePath());
    }

    /** Whether the caller administers the resource (manage it, see its contact and allocations in full). */
    public static boolean manages(Actor a, Resource r) {
        return a.administers(r.coveragePath());
    }

    /**
     * A SQL condition (alias {@code r}) selecting the resources the caller may see, adding its parameters.
     * Always restricted to the caller's street.
     */
    public String visibleSql(Actor a, Map<String, Object> params) {
        params.put("vTenant", a.tenantId() == null ? -1L : a.tenantId());
        StringBuilder sql = new StringBuilder("(r.tenant_id = :vTenant and (");
        List<String> paths = a.servicePaths();
        Set<String> ancestors = new LinkedHashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            sql.append("r.coverage_path like :vp").append(i).append(" or ");
            params.put("vp" + i, paths.get(i) + "%");
            ancestors.addAll(ancestorsOrSelf(paths.get(i)));
        }
        if (a.memberId() != null) {
            sql.append("r.provider_member_id = :vMe or ");
            params.put("vMe", a.memberId());
        }
        String home = homePath(a);
        if (!ancestors.isEmpty()) {
            sql.append("r.coverage_path in (:vAnc) or ");
            params.put("vAnc", List.copyOf(ancestors));
        }
        if (home != null) {
            sql.append("(r.status = 'ACTIVE' and r.coverage_path in (:vHome)) or ");
            params.put("vHome", ancestorsOrSelf(home));
        }
        sql.append("false))");
        return sql.toString();
    }
}
