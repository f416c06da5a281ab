package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("签到方式 (how attendance was recorded)")
public enum CheckInMethod implements Labeled {
    CODE("现场签到码"),
    ORGANIZER("组织者签到");

    private final String label;

    CheckInMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
