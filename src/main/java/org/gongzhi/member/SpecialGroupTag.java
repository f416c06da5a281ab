package org.gongzhi.member;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("特殊群体标签，敏感信息 (special-group tag; sensitive, shown only to those whose duty needs it)")
public enum SpecialGroupTag implements Labeled {
    ELDERLY_LIVING_ALONE("独居老人"),
    EMPTY_NEST_ELDERLY("空巢老人"),
    ADVANCED_AGE("高龄老人"),
    DISABLED("残疾人"),
    LOW_INCOME("低保低收入"),
    LEFT_BEHIND_CHILD("留守儿童"),
    VETERAN("退役军人"),
    SERIOUS_ILLNESS("大病患者"),
    UNEMPLOYED("失业人员");

    private final String label;

    SpecialGroupTag(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
