package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("议事流转动作 (a step of the deliberation stage machine)")
public enum DeliberationAction implements Labeled {
    PROPOSE("提议"),
    OPEN_CONSULTATION("开始协商"),
    OPEN_VOTING("开始表决"),
    CLOSE_VOTING("结束表决"),
    PUBLICIZE("决议公示"),
    START_IMPLEMENTATION("开始实施"),
    COMPLETE("办结并公开结果"),
    ARCHIVE("归档"),
    WITHDRAW("撤回"),
    REFER("转介");

    private final String label;

    DeliberationAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
