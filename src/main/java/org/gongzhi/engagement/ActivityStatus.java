package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("活动状态 (status of an activity)")
public enum ActivityStatus implements Labeled {
    PUBLISHED("已发布"),
    CANCELLED("已取消");

    private final String label;

    ActivityStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
