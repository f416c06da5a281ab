package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("账本单位：积分或志愿服务时长（分钟）(ledger unit: points, or volunteer time in minutes)")
public enum LedgerUnit implements Labeled {
    POINTS("积分"),
    MINUTES("志愿时长(分钟)");

    private final String label;

    LedgerUnit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
