package org.gongzhi.member;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("成员角色 (role of a member in an organization)")
public enum MembershipRole implements Labeled {
    RESIDENT("居民"),
    PARTY_MEMBER("党员"),
    VOLUNTEER("志愿者"),
    GRID_WORKER("网格员"),
    SOCIAL_WORKER("社工"),
    BUILDING_LEADER("楼栋长"),
    RESIDENTS_REPRESENTATIVE("居民代表"),
    ADMINISTRATOR("管理员");

    private final String label;

    MembershipRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
