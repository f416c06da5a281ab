package org.gongzhi.need;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("需求状态 (status of a need in its closed loop)")
public enum NeedStatus implements Labeled {
    SUBMITTED("已提交"),
    ACCEPTED("已受理"),
    ESCALATED("已上报待报到"),
    ASSIGNED("已派单"),
    CLAIMED("已认领"),
    IN_PROGRESS("办理中"),
    RESOLVED("已办结"),
    RATED("已评价"),
    CLOSED("已关闭"),
    REJECTED("已驳回"),
    CANCELLED("已撤销");

    /** Statuses in which someone still owes work: they block dissolving and count as open. */
    public static final Set<NeedStatus> OPEN = EnumSet.of(SUBMITTED, ACCEPTED, ESCALATED, ASSIGNED, CLAIMED, IN_PROGRESS);

    private final String label;

    NeedStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The SQL list of open statuses, for native queries. */
    static String openSql() {
        return "('SUBMITTED','ACCEPTED','ESCALATED','ASSIGNED','CLAIMED','IN_PROGRESS')";
    }
}
