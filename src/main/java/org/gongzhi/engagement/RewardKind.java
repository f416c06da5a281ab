package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("兑换品类型 (reward kind)")
public enum RewardKind implements Labeled {
    ITEM("实物"),
    SERVICE("服务");

    private final String label;

    RewardKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
