package org.gongzhi.organization;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("组织状态 (status of an organization)")
public enum OrganizationStatus implements Labeled {
    ACTIVE("正常"),
    DISSOLVED("已撤销");

    private final String label;

    OrganizationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
