package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("议事阶段 (stage of a deliberation)")
public enum DeliberationStage implements Labeled {
    PROPOSED("已提议"),
    CONSULTING("协商中"),
    VOTING("表决中"),
    DECIDED("已表决"),
    PUBLICIZED("决议公示中"),
    IMPLEMENTING("实施中"),
    COMPLETED("已办结（结果公开）"),
    ARCHIVED("已归档"),
    WITHDRAWN("已撤回"),
    REFERRED("已转介");

    private final String label;

    DeliberationStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
