package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("分配用途 (what an allocation serves)")
public enum AllocationPurpose implements Labeled {
    NEED("需求"),
    ACTIVITY("活动"),
    TASK("决议任务"),
    AGREEMENT("共建协议"),
    OTHER("其他");

    private final String label;

    AllocationPurpose(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
