package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

@Description("反映渠道 (channel through which the need was reported)")
public enum NeedChannel implements Labeled {
    MINI_PROGRAM("小程序", false),
    GRID_PATROL("网格巡查", true),
    DOOR_KNOCKING("敲门行动", true),
    HOTLINE("热线电话", true),
    WALK_IN("来访", true),
    PROXY("代办", true);

    private final String label;
    private final boolean recordedByStaff;

    NeedChannel(String label, boolean recordedByStaff) {
        this.label = label;
        this.recordedByStaff = recordedByStaff;
    }

    @Override
    public String label() {
        return label;
    }

    /** Channels where a worker records the need, so reporter and beneficiary differ. */
    public boolean recordedByStaff() {
        return recordedByStaff;
    }
}
