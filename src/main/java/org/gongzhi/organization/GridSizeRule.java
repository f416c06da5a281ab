package org.gongzhi.organization;

/**
 * 网格规模: a grid is planned at about 300 households and must never exceed 500 (seed plans).
 * Above the standard is a warning shown on the grid; above the maximum a write is refused.
 */
public final class GridSizeRule {

    public static final int STANDARD_HOUSEHOLDS = 300;
    public static final int MAX_HOUSEHOLDS = 500;

    private GridSizeRule() {
    }

    public static boolean exceedsStandard(long households) {
        return households > STANDARD_HOUSEHOLDS;
    }

    public static boolean exceedsMaximum(long households) {
        return households > MAX_HOUSEHOLDS;
    }
}
