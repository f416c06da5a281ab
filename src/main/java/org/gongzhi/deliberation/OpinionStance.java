package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("意见立场 (stance of an opinion)")
public enum OpinionStance implements Labeled {
    SUPPORT("支持"),
    OPPOSE("反对"),
    NEUTRAL("中立");

    private final String label;

    OpinionStance(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
