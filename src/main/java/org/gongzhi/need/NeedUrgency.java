package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("紧急程度 (urgency)")
public enum NeedUrgency implements Labeled {
    LOW("一般不急"),
    NORMAL("普通"),
    HIGH("紧急"),
    EMERGENCY("特急");

    private final String label;

    NeedUrgency(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
