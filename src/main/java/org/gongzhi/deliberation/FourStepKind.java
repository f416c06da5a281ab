package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("四议步骤 (the four ordered steps of 四议两公开)")
public enum FourStepKind implements Labeled {
    PARTY_BRANCH_PROPOSAL("党组织提议"),
    TWO_COMMITTEES_CONSULTATION("两委会商议"),
    PARTY_MEMBERS_REVIEW("党员大会审议"),
    REPRESENTATIVES_RESOLUTION("居民代表会议决议");

    private final String label;

    FourStepKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
