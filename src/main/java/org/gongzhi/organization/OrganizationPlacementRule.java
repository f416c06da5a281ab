package org.gongzhi.organization;

import static org.gongzhi.organization.OrganizationKind.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.gongzhi.platform.error.DomainException;

/**
 * Which kind of organization may sit under which: the party line runs street > community > grid >
 * (compound) > building group > center household; the three parties, units, NGOs, teams and alliances
 * attach to a community or the street; departments belong to the street. A table, so tests can
 * enumerate it.
 */
public final class OrganizationPlacementRule {

    /** Allowed parent kinds per kind; an empty set means "root only". */
    public static final Map<OrganizationKind, Set<OrganizationKind>> ALLOWED_PARENTS = new EnumMap<>(OrganizationKind.class);

    static {
        ALLOWED_PARENTS.put(STREET_COMMITTEE, EnumSet.noneOf(OrganizationKind.class));
        ALLOWED_PARENTS.put(COMMUNITY_COMMITTEE, EnumSet.of(STREET_COMMITTEE));
        ALLOWED_PARENTS.put(GRID, EnumSet.of(COMMUNITY_COMMITTEE));
        ALLOWED_PARENTS.put(COMPOUND_BRANCH, EnumSet.of(GRID));
        ALLOWED_PARENTS.put(BUILDING_GROUP, EnumSet.of(GRID, COMPOUND_BRANCH));
        ALLOWED_PARENTS.put(CENTER_HOUSEHOLD, EnumSet.of(BUILDING_GROUP));
        ALLOWED_PARENTS.put(RESIDENTS_COMMITTEE, EnumSet.of(COMMUNITY_COMMITTEE));
        ALLOWED_PARENTS.put(OWNERS_COMMITTEE, EnumSet.of(COMMUNITY_COMMITTEE, COMPOUND_BRANCH));
        ALLOWED_PARENTS.put(PROPERTY_COMPANY, EnumSet.of(COMMUNITY_COMMITTEE, STREET_COMMITTEE));
        ALLOWED_PARENTS.put(CO_BUILDING_UNIT, EnumSet.of(COMMUNITY_COMMITTEE, STREET_COMMITTEE));
        ALLOWED_PARENTS.put(SOCIAL_ORGANIZATION, EnumSet.of(COMMUNITY_COMMITTEE, STREET_COMMITTEE));
        ALLOWED_PARENTS.put(DEPARTMENT, EnumSet.of(STREET_COMMITTEE));
        ALLOWED_PARENTS.put(VOLUNTEER_TEAM, EnumSet.of(COMMUNITY_COMMITTEE, STREET_COMMITTEE));
        ALLOWED_PARENTS.put(PARTY_ALLIANCE, EnumSet.of(COMMUNITY_COMMITTEE, STREET_COMMITTEE));
    }

    private OrganizationPlacementRule() {
    }

    public static boolean allows(OrganizationKind kind, OrganizationKind parentKind) {
        Set<OrganizationKind> parents = ALLOWED_PARENTS.get(kind);
        return parentKind == null ? parents.isEmpty() : parents.contains(parentKind);
    }

    public static void check(OrganizationKind kind, OrganizationKind parentKind) {
        if (!allows(kind, parentKind)) {
            Set<OrganizationKind> parents = ALLOWED_PARENTS.get(kind);
            throw DomainException.invalid(parentKind == null ? "parentId" : "kind", parents.isEmpty()
                    ? kind + " (" + kind.label() + ") is the root of a tree and has no parent"
                    : kind + " (" + kind.label() + ") must be placed under one of " + parents
                            + (parentKind == null ? ", not at the root" : ", not under " + parentKind));
        }
    }
}
