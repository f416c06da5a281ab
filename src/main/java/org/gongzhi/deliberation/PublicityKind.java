package org.gongzhi.deliberation;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("公开类别 (the two publicities)")
public enum PublicityKind implements Labeled {
    RESOLUTION("决议公开"),
    IMPLEMENTATION_RESULT("实施结果公开");

    private final String label;

    PublicityKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
