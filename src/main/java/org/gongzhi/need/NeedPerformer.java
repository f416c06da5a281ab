package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("可执行流转的角色 (who may perform a lifecycle step)")
public enum NeedPerformer implements Labeled {
    /** The reporter or the beneficiary of the need. */
    REQUESTER("诉求人"),
    /** An administrator or grid worker whose scope covers the organization currently responsible. */
    ADMIN_IN_SCOPE("责任范围内的管理员/网格员"),
    /** An administrator of the organization the need was escalated to (a department "reports"). */
    ESCALATION_TARGET("被吹哨的责任单位"),
    /** The assigned member, the claimer, or someone serving the assigned organization. */
    HANDLER("经办人"),
    /** A party member or volunteer of the need's community (micro-wishes only). */
    CLAIMANT("认领人（党员/志愿者）"),
    /** The SLA job. */
    SYSTEM("系统");

    private final String label;

    NeedPerformer(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
