package org.gongzhi.platform.i18n;

import java.util.List;

/**
 * Implemented by one bean per feature to publish its enums (each implementing {@link Labeled}) in the
 * public {@code enumLabels} query. Returns {@code Enum.values()} arrays: no reflection, native-friendly.
 */
public interface LabeledEnums {

    List<Enum<?>[]> enums();
}
