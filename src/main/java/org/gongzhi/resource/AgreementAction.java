package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("共建协议流转动作 (a step of the agreement lifecycle)")
public enum AgreementAction implements Labeled {
    SIGN("签约"),
    PERFORM("开始履约"),
    EVALUATE("评约");

    private final String label;

    AgreementAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
