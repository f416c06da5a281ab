package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("议事流转执行者 (who may perform a step)")
public enum DeliberationPerformer implements Labeled {
    PROPOSER("提议人"),
    MEMBER_IN_SCOPE("范围内成员"),
    ADMIN_IN_SCOPE("范围内管理员"),
    SYSTEM("系统");

    private final String label;

    DeliberationPerformer(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
