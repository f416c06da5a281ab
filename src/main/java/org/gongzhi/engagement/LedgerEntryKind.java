package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("记账事由 (why a transfer was posted)")
public enum LedgerEntryKind implements Labeled {
    ACTIVITY_CHECK_IN("活动签到"),
    NEED_RATED("服务群众获评"),
    DUAL_SERVICE("双报到服务"),
    REDEMPTION("积分兑换"),
    ADJUSTMENT("更正调整");

    private final String label;

    LedgerEntryKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
