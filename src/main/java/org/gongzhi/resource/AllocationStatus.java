package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("分配状态 (status of an allocation)")
public enum AllocationStatus implements Labeled {
    RESERVED("已预留"),
    RELEASED("已释放"),
    CONSUMED("已使用");

    private final String label;

    AllocationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
