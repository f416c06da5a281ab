package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("时间线事件类型 (kind of a timeline event)")
public enum NeedEventKind implements Labeled {
    SUBMITTED("提交"),
    ACCEPTED("受理"),
    REJECTED("驳回"),
    ASSIGNED("派单"),
    CLAIMED("认领"),
    STARTED("开始办理"),
    RESOLVED("办结"),
    RATED("评价"),
    REOPENED("整改重办"),
    OBJECTED("异议"),
    CLOSED("关闭"),
    CANCELLED("撤销"),
    ESCALATED("上报/吹哨"),
    ACKNOWLEDGED("报到"),
    MARKED_DUPLICATE("标记重复"),
    NOTE("备注"),
    SLA_WARNING("时限预警");

    private final String label;

    NeedEventKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
