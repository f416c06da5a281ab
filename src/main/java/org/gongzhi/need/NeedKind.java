package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("需求性质 (kind: a personal request, a micro-wish, or a public issue)")
public enum NeedKind implements Labeled {
    PERSONAL_REQUEST("个人诉求"),
    MICRO_WISH("微心愿"),
    PUBLIC_ISSUE("公共事务");

    private final String label;

    NeedKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
