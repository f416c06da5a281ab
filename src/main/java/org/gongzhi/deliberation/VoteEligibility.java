package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("表决资格 (who may vote)")
public enum VoteEligibility implements Labeled {
    RESIDENTS("范围内居民"),
    REPRESENTATIVES("居民代表"),
    PARTY_MEMBERS("党员"),
    HOUSEHOLDS("每户一票"),
    OWNERS("业主（按专有面积）");

    private final String label;

    VoteEligibility(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
