package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("容量模型 (how capacity is counted: units, time slots, or money in fen)")
public enum CapacityModel implements Labeled {
    UNITS("按份数"),
    SLOTS("按时段"),
    MONEY("按金额（分）");

    private final String label;

    CapacityModel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
