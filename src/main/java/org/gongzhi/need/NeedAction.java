package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("需求流转动作 (a step of the need lifecycle)")
public enum NeedAction implements Labeled {
    SUBMIT("提交"),
    ACCEPT("受理"),
    REJECT("驳回"),
    ASSIGN("派单"),
    CLAIM("认领"),
    START("开始办理"),
    RESOLVE("办结"),
    RATE("评价"),
    REOPEN("整改重办"),
    CLOSE("关闭"),
    CANCEL("撤销"),
    ESCALATE("上报/吹哨"),
    ACKNOWLEDGE("报到"),
    MARK_DUPLICATE("标记重复");

    private final String label;

    NeedAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
