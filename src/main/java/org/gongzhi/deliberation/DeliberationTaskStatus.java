package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("督办任务状态 (status of an implementation task)")
public enum DeliberationTaskStatus implements Labeled {
    OPEN("待办"),
    IN_PROGRESS("办理中"),
    DONE("已完成"),
    CANCELLED("已取消");

    private final String label;

    DeliberationTaskStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
