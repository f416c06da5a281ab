package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("通过规则 (pass rule recorded on the vote)")
public enum VoteRule implements Labeled {
    SIMPLE_MAJORITY("过半数"),
    TWO_THIRDS("三分之二多数"),
    OWNERS_DOUBLE_MAJORITY("业主双过半/双四分之三（民法典第278条）"),
    APPROVAL("认可投票（微实事）");

    private final String label;

    VoteRule(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
