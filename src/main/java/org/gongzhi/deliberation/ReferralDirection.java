package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("转介方向 (referral one level up or down)")
public enum ReferralDirection implements Labeled {
    UP("上转"),
    DOWN("下转");

    private final String label;

    ReferralDirection(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
