package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.events.ChangeKind;
import org.gongzhi.platform.events.ChannelEvent;

/**
 * What a console subscribed to a subtree receives: which need changed and how (fetch details with need(id)), or a
 * RESYNC signal when changes may have been missed.
 */
@Name("NeedChange")
@Description("需求变更通知 (a need changed somewhere in the subscribed subtree; kind RESYNC: changes may have been missed, "
        + "refetch the screen — needId, status and action are then null)")
public record NeedChange(
        @NonNull @Description("事件类型：CHANGE 一次变更；RESYNC 需重新查询 (CHANGE: one change; RESYNC: refetch, changes may have been missed)")
        ChangeKind kind,
        @Id @Description("需求ID；RESYNC 时为空 (the need; null for RESYNC)") String needId,
        @Description("当前状态；RESYNC 时为空 (status after the change; null for RESYNC)") NeedStatus status,
        @Description("流转动作；备注、预警为空 (the step; null for notes and SLA warnings)") NeedAction action,
        @NonNull @Description("发生时间 (at, ISO-8601)") String at,
        @Ignore long tenantId,
        @Ignore String placePath,
        @Ignore String responsiblePath) {

    /** Parses the NOTIFY payload written by {@link NeedTimeline#publish}. */
    static NeedChange parse(String json) {
        return new NeedChange(ChangeKind.CHANGE, field(json, "needId"), NeedStatus.valueOf(field(json, "status")),
                field(json, "action") == null ? null : NeedAction.valueOf(field(json, "action")), field(json, "at"),
                Long.parseLong(number(json, "tenantId")), field(json, "placePath"), field(json, "responsiblePath"));
    }

    /** The signal that notifications may have been lost: every subscriber receives it, whatever its subtree. */
    static NeedChange resync(ChannelEvent.Resync r) {
        return new NeedChange(ChangeKind.RESYNC, null, null, null, r.at().toString(), 0, null, null);
    }

    static NeedChange of(ChannelEvent event) {
        return switch (event) {
            case ChannelEvent.Notification n -> parse(n.payload());
            case ChannelEvent.Resync r -> resync(r);
        };
    }

    boolean within(String path) {
        return kind == ChangeKind.RESYNC || placePath.startsWith(path) || responsiblePath.startsWith(path);
    }

    private static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int i = json.indexOf(key);
        if (i < 0 || json.startsWith("null", i + key.length())) {
            return null;
        }
        int start = json.indexOf('"', i + key.length()) + 1;
        return json.substring(start, json.indexOf('"', start));
    }

    private static String number(String json, String name) {
        String key = "\"" + name + "\":";
        int start = json.indexOf(key) + key.length();
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return json.substring(start, end);
    }
}
