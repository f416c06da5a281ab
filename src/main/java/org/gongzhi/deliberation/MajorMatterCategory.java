package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("三重一大事项类别 (category of a major matter; major matters must use 四议两公开)")
public enum MajorMatterCategory implements Labeled {
    DECISION("重大决策"),
    APPOINTMENT("重要人事任免"),
    PROJECT("重大项目安排"),
    LARGE_FUND("大额资金使用");

    private final String label;

    MajorMatterCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
