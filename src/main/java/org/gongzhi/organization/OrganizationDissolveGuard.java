package org.gongzhi.organization;

import java.util.Optional;

/**
 * Implemented by features that hold open work on organizations (needs, deliberations, allocations...).
 * Dissolving an organization is refused while any guard names a reason.
 */
public interface OrganizationDissolveGuard {

    /** Why the organization (id, subtree path) cannot be dissolved now, or empty. */
    Optional<String> blockingReason(long organizationId, String path);
}
