package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("活动对象 (who may sign up: party members, residents or volunteers of the audience scope)")
public enum ActivityAudience implements Labeled {
    PARTY_MEMBERS("党员"),
    RESIDENTS("居民"),
    VOLUNTEERS("志愿者");

    private final String label;

    ActivityAudience(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
