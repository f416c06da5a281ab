package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("资源状态变更动作 (a step of the resource lifecycle)")
public enum ResourceAction implements Labeled {
    PAUSE("暂停"),
    RESUME("恢复"),
    RETIRE("退出");

    private final String label;

    ResourceAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
