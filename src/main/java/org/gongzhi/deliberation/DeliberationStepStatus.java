package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("步骤状态 (status of a step)")
public enum DeliberationStepStatus implements Labeled {
    PENDING("未开始"),
    IN_PROGRESS("进行中"),
    PASSED("已通过"),
    FAILED("未通过");

    private final String label;

    DeliberationStepStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
