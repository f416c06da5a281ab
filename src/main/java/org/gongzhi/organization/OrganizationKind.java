package org.gongzhi.organization;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("组织类型 (kind of organization): the party line 街道党工委 > 社区党委 > 网格党支部 > 小区党支部 > 楼栋党小组 > 党员中心户, "
        + "plus the three parties, co-building units, NGOs, departments, teams and alliances")
public enum OrganizationKind implements Labeled {
    STREET_COMMITTEE("街道党工委"),
    COMMUNITY_COMMITTEE("社区党委"),
    GRID("网格党支部"),
    COMPOUND_BRANCH("小区党支部"),
    BUILDING_GROUP("楼栋党小组"),
    CENTER_HOUSEHOLD("党员中心户"),
    RESIDENTS_COMMITTEE("居委会"),
    OWNERS_COMMITTEE("业委会"),
    PROPERTY_COMPANY("物业服务企业"),
    CO_BUILDING_UNIT("驻区共建单位"),
    SOCIAL_ORGANIZATION("社会组织"),
    DEPARTMENT("职能部门"),
    VOLUNTEER_TEAM("志愿服务队"),
    PARTY_ALLIANCE("党建联盟");

    private final String label;

    OrganizationKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
