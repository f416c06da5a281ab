package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("表决结果 (outcome of the vote)")
public enum DeliberationOutcome implements Labeled {
    PASSED("通过"),
    REJECTED("未通过");

    private final String label;

    DeliberationOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
