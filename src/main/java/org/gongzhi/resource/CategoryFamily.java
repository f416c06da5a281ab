package org.gongzhi.resource;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.need.NeedCategory;

/**
 * Related need categories: a resource serving a related category is a partial match (score 0.5) for a need,
 * e.g. a community clinic (HEALTH) for an elderly resident's medical escort (ELDERLY_MEDICAL).
 */
enum CategoryFamily {
    ELDERLY(EnumSet.of(NeedCategory.ELDERLY_MEAL, NeedCategory.ELDERLY_BATH, NeedCategory.ELDERLY_MEDICAL, NeedCategory.HEALTH)),
    CHILDREN(EnumSet.of(NeedCategory.CHILD_CARE, NeedCategory.MICRO_WISH)),
    RIGHTS(EnumSet.of(NeedCategory.LEGAL, NeedCategory.DISPUTE)),
    LIVING(EnumSet.of(NeedCategory.ENVIRONMENT, NeedCategory.PROPERTY, NeedCategory.SAFETY_HAZARD)),
    WORK(EnumSet.of(NeedCategory.EMPLOYMENT)),
    OTHER(EnumSet.of(NeedCategory.OTHER));

    private final Set<NeedCategory> members;

    CategoryFamily(Set<NeedCategory> members) {
        this.members = members;
    }

    /** The categories a resource may serve to be a candidate for a need of {@code c}: itself and its family. */
    static Set<NeedCategory> acceptable(NeedCategory c) {
        Set<NeedCategory> out = EnumSet.of(c);
        for (CategoryFamily f : values()) {
            if (f.members.contains(c)) {
                out.addAll(f.members);
            }
        }
        if (c == NeedCategory.HEALTH) {
            out.retainAll(EnumSet.of(NeedCategory.HEALTH, NeedCategory.ELDERLY_MEDICAL));
        }
        return out;
    }

    /** A SQL CASE over a category column giving the acceptable categories as text[] (constants only, no input). */
    static String acceptableSql(String column) {
        StringBuilder sb = new StringBuilder("(case ").append(column);
        for (NeedCategory c : NeedCategory.values()) {
            sb.append(" when '").append(c.name()).append("' then cast('{")
                    .append(acceptable(c).stream().map(Enum::name).sorted().collect(Collectors.joining(","))).append("}' as text[])");
        }
        return sb.append(" end)").toString();
    }
}
