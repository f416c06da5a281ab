package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("需求类别 (category of a need)")
public enum NeedCategory implements Labeled {
    ELDERLY_MEAL("助老助餐"),
    ELDERLY_BATH("助老助浴"),
    ELDERLY_MEDICAL("助老助医"),
    CHILD_CARE("儿童托管/四点半课堂"),
    HEALTH("医疗健康"),
    LEGAL("法律服务"),
    ENVIRONMENT("环境卫生"),
    PROPERTY("物业服务"),
    DISPUTE("矛盾纠纷"),
    SAFETY_HAZARD("安全隐患"),
    EMPLOYMENT("就业服务"),
    MICRO_WISH("微心愿"),
    OTHER("其他");

    private final String label;

    NeedCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
