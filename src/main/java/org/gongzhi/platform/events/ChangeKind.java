package org.gongzhi.platform.events;

import org.eclipse.microprofile.graphql.Description;
import org.gongzhi.platform.i18n.Labeled;

/** What a subscription event says: one change, or "you may have missed changes". */
@Description("订阅事件类型 (kind of a subscription event: one change, or a resynchronisation signal)")
public enum ChangeKind implements Labeled {
    /** One change, as it was committed. */
    @Description("变更 (one committed change)")
    CHANGE("变更"),
    /**
     * The server lost its connection to the database's notifications and re-established it: changes committed
     * meanwhile were not delivered, so the client refetches what it shows.
     */
    @Description("需重新同步：服务器与数据库通知的连接中断后已恢复，期间的变更可能未送达，请重新查询 "
            + "(the server's notification connection was lost and re-established; changes made meanwhile may be missing: refetch)")
    RESYNC("重新同步");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
