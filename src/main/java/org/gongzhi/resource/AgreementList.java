package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("共建三张清单 (the three lists of an agreement)")
public enum AgreementList implements Labeled {
    NEED("需求清单"),
    RESOURCE("资源清单"),
    PROJECT("项目清单");

    private final String label;

    AgreementList(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
