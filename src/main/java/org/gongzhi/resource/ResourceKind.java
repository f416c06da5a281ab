package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("资源类型 (kind of a resource in the pool 资源池)")
public enum ResourceKind implements Labeled {
    SERVICE("服务"),
    VENUE("场地"),
    ITEM("物资"),
    SKILL("技能"),
    FUND("资金"),
    EMERGENCY_SUPPLY("应急物资"),
    POST("岗位"),
    CULTURE("红色文化");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The capacity model a kind uses unless told otherwise: venues by time slot, funds by money, the rest by units. */
    public CapacityModel defaultModel() {
        return switch (this) {
            case VENUE -> CapacityModel.SLOTS;
            case FUND -> CapacityModel.MONEY;
            default -> CapacityModel.UNITS;
        };
    }
}
