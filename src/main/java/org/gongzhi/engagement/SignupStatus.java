package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("报名状态 (status of a sign-up)")
public enum SignupStatus implements Labeled {
    CONFIRMED("已报名"),
    WAITLISTED("候补中"),
    CANCELLED("已取消");

    private final String label;

    SignupStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
