package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("资源状态 (status of a resource)")
public enum ResourceStatus implements Labeled {
    ACTIVE("可用"),
    PAUSED("暂停"),
    RETIRED("已退出");

    private final String label;

    ResourceStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
