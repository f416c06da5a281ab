package org.gongzhi.member;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("党员类别 (formal or probationary party member)")
public enum PartyStanding implements Labeled {
    FORMAL("正式党员"),
    PROBATIONARY("预备党员");

    private final String label;

    PartyStanding(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
