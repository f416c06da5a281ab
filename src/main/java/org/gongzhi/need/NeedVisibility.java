package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("可见范围 (who may see the need)")
public enum NeedVisibility implements Labeled {
    PRIVATE("仅本人与经办人"),
    COMMUNITY("社区公开");

    private final String label;

    NeedVisibility(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
