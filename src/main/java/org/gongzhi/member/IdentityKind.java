package org.gongzhi.member;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("外部身份类型 (kind of external identity bound to a member)")
public enum IdentityKind implements Labeled {
    OIDC_SUBJECT("统一认证账号"),
    WECHAT_OPENID("微信openid"),
    WECHAT_UNIONID("微信unionid");

    private final String label;

    IdentityKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
