package org.gongzhi.deliberation;

import java.util.Objects;

import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.error.ErrorCode;
import org.gongzhi.platform.security.Actor;

/**
 * Who may see a deliberation and who may perform a step. A deliberation is public to the people of its
 * scope: everyone in its community (or, street-wide, in its street) sees it and may give an opinion;
 * administrators of the scope run it. Who may VOTE is decided by the vote's roll, not here.
 */
final class DeliberationAccess {

    private DeliberationAccess() {
    }

    static boolean canSee(Actor a, long tenantId, Long communityId, String scopePath) {
        if (a.isAnonymous() || a.tenantId() == null || a.tenantId() != tenantId) {
            return false;
        }
        return communityId == null || Objects.equals(a.communityId(), communityId) || a.serves(scopePath);
    }

    static boolean canSee(Actor a, DeliberationEntity d) {
        return canSee(a, d.tenantId, d.communityId, d.scopePath);
    }

    static void requireVisible(Actor a, DeliberationEntity d) {
        if (!canSee(a, d)) {
            throw DomainException.forbidden("Outside the caller's scope: deliberation");
        }
    }

    /** MEMBER_IN_SCOPE: a member who lives or serves in the scope's community (or street, for street-wide matters). */
    static boolean memberInScope(Actor a, long tenantId, Long communityId, String scopePath) {
        return a.memberId() != null && canSee(a, tenantId, communityId, scopePath);
    }

    static boolean may(Actor a, DeliberationEntity d, DeliberationPerformer p) {
        if (a.isAnonymous() || a.tenantId() == null || a.tenantId() != d.tenantId) {
            return false;
        }
        return switch (p) {
            case PROPOSER -> a.isMember(d.proposerMemberId);
            case MEMBER_IN_SCOPE -> memberInScope(a, d.tenantId, d.communityId, d.scopePath);
            case ADMIN_IN_SCOPE -> a.administers(d.scopePath);
            case SYSTEM -> false;
        };
    }

    static void requirePerformer(Actor a, DeliberationEntity d, DeliberationTransitions.Transition t) {
        for (DeliberationPerformer p : t.performers()) {
            if (may(a, d, p)) {
                return;
            }
        }
        throw new DomainException(ErrorCode.FORBIDDEN, "Only " + t.performers() + " may " + t.action().name().toLowerCase()
                + " this deliberation (" + t.action().label() + ")");
    }

    static void requireAdmin(Actor a, DeliberationEntity d, String what) {
        if (!may(a, d, DeliberationPerformer.ADMIN_IN_SCOPE)) {
            throw DomainException.forbidden("Only an administrator of the deliberation's scope may " + what);
        }
    }
}
