package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("议事类型 (kind of deliberation)")
public enum DeliberationKind implements Labeled {
    RESIDENTS_COUNCIL("居民议事会"),
    JOINT_MEETING("三方联动联席会议"),
    HEARING("听证会"),
    PARTICIPATORY_BUDGET("微实事（参与式预算）"),
    FOUR_DELIBERATIONS("四议两公开");

    private final String label;

    DeliberationKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
