package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("表决意见 (choice on a ballot)")
public enum BallotChoice implements Labeled {
    FOR("赞成"),
    AGAINST("反对"),
    ABSTAIN("弃权");

    private final String label;

    BallotChoice(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
