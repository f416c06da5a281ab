package org.gongzhi.resource;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the resource feature ({@code gongzhi.resource.*}). */
@ConfigMapping(prefix = "gongzhi.resource")
public interface ResourceConfig {

    /** EmergencySupplyStandard: units of emergency supplies a community keeps per household (应急物资按户配备). */
    @WithDefault("2")
    int emergencyUnitsPerHousehold();

    /** EmergencySupplyStandard: the minimum stock of every community, whatever its size. */
    @WithDefault("500")
    int emergencyUnitsPerCommunity();
}
