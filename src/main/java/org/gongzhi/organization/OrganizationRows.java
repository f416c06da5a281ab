package org.gongzhi.organization;

import static org.gongzhi.platform.persistence.Rows.*;

import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.time.Times;

/** Column list and row mapping shared by every native query that returns organizations. */
public final class OrganizationRows {

    /** Select list for alias {@code o}; {@link #map(Object[], int)} reads it from {@code offset}. */
    static final String COLUMNS = columns("o");
    public static final int WIDTH = 10;

    /** The select list for an organization table alias. */
    public static String columns(String alias) {
        return "%1$s.id, %1$s.kind, %1$s.name, %1$s.status, %1$s.depth, %1$s.created_at, %1$s.parent_id, %1$s.tenant_id, %1$s.community_id, %1$s.path"
                .formatted(alias);
    }

    private OrganizationRows() {
    }

    /** Maps the columns at {@code offset}; null when a left join found no organization. */
    public static Organization map(Object[] r, int offset) {
        if (r[offset] == null) {
            return null;
        }
        long id = lng(r[offset]);
        return new Organization(GlobalId.encode(Organization.TYPE, id), enumOf(OrganizationKind.class, r[offset + 1]),
                str(r[offset + 2]), enumOf(OrganizationStatus.class, r[offset + 3]), integer(r[offset + 4]),
                Times.local(instant(r[offset + 5])), id, lng(r[offset + 6]), lng(r[offset + 7]), lng(r[offset + 8]),
                str(r[offset + 9]));
    }
}
