package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("共建协议状态 (status of a co-building agreement: 商约—签约—履约—评约)")
public enum AgreementStatus implements Labeled {
    NEGOTIATING("商约中"),
    SIGNED("已签约"),
    PERFORMING("履约中"),
    EVALUATED("已评约");

    private final String label;

    AgreementStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
