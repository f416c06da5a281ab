package org.gongzhi.platform.security;

import java.util.Optional;

/** Coarse roles carried by the token's roles claim (default {@code groups}). The data scope comes from the database. */
public enum Role {
    RESIDENT("resident"),
    PARTY_MEMBER("party_member"),
    VOLUNTEER("volunteer"),
    GRID_WORKER("grid_worker"),
    COMMUNITY_ADMIN("community_admin"),
    STREET_ADMIN("street_admin"),
    AUDITOR("auditor"),
    /** A mini-program backend acting for a bound user (header {@code X-Acting-For}). */
    SERVICE_CLIENT("service_client");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role r : values()) {
            if (r.claimValue.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
