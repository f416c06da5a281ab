package org.gongzhi.platform.security;

import java.util.List;
import java.util.Set;

import org.gongzhi.platform.error.DomainException;

/**
 * Who is calling, resolved once per request: the token's subject and roles, the bound member (if any)
 * and the data scope read from the database (materialized paths of the organizations they administer
 * or serve as grid worker).
 *
 * @param subject       token subject (for a service client acting for a user: "client-sub|KIND:value")
 * @param roles         coarse roles from the token (a service client's user gets resident-level roles)
 * @param memberId      the member bound to the subject, or null
 * @param tenantId      the member's tenant (street), or null
 * @param communityId   the member's residential community, or null
 * @param householdId   the member's household, or null
 * @param adminPaths    subtrees administered (only with an admin role in the token)
 * @param gridWorkPaths subtrees served as grid worker (only with the grid_worker role)
 */
public record Actor(String subject, Set<Role> roles, Long memberId, Long tenantId, Long communityId, Long householdId,
        List<String> adminPaths, List<String> gridWorkPaths) {

    public static final Actor ANONYMOUS = new Actor(null, Set.of(), null, null, null, null, List.of(), List.of());

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdministrator() {
        return !adminPaths.isEmpty();
    }

    /** True when the organization at {@code path} lies inside a subtree this actor administers. */
    public boolean administers(String path) {
        return path != null && covers(adminPaths, path);
    }

    /** True when the actor administers the path or serves it as grid worker (handlers of needs, patrol). */
    public boolean serves(String path) {
        return path != null && (covers(adminPaths, path) || covers(gridWorkPaths, path));
    }

    public boolean isMember(Long id) {
        return memberId != null && memberId.equals(id);
    }

    public Actor requireAuthenticated() {
        if (isAnonymous()) {
            throw DomainException.unauthenticated();
        }
        return this;
    }

    public long requireMember() {
        requireAuthenticated();
        if (memberId == null) {
            throw DomainException.forbidden("The caller is not bound to a member record; bind an identity first");
        }
        return memberId;
    }

    public void requireAdministers(String path, String what) {
        requireAuthenticated();
        if (!administers(path)) {
            throw DomainException.forbidden("Outside the caller's administrative scope: " + what);
        }
    }

    public void requireServes(String path, String what) {
        requireAuthenticated();
        if (!serves(path)) {
            throw DomainException.forbidden("Outside the caller's service scope: " + what);
        }
    }

    /** All paths the actor may handle work in (admin + grid worker), for scope filters in SQL. */
    public List<String> servicePaths() {
        if (gridWorkPaths.isEmpty()) {
            return adminPaths;
        }
        if (adminPaths.isEmpty()) {
            return gridWorkPaths;
        }
        return java.util.stream.Stream.concat(adminPaths.stream(), gridWorkPaths.stream()).toList();
    }

    private static boolean covers(List<String> roots, String path) {
        for (String root : roots) {
            if (path.startsWith(root)) {
                return true;
            }
        }
        return false;
    }
}
