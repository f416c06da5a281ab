package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("活动类型 (kind of activity)")
public enum ActivityKind implements Labeled {
    PARTY_DAY("主题党日"),
    VOLUNTEER_SERVICE("志愿服务"),
    RED_CULTURE("红色文化活动"),
    JOINT_MEETING("联席会议");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
