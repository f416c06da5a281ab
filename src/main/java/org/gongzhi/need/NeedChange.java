package org.gongzhi.need;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** What a console subscribed to a subtree receives: which need changed and how (fetch details with need(id)). */
@Name("NeedChange")
@Description("需求变更通知 (a need changed somewhere in the subscribed subtree)")
public record NeedChange(
        @NonNull @Id @Description("需求ID (the need)") String needId,
        @NonNull @Description("当前状态 (status after the change)") NeedStatus status,
        @Description("流转动作；备注、预警为空 (the step; null for notes and SLA warnings)") NeedAction action,
        @NonNull @Description("发生时间 (at, ISO-8601)") String at,
        @Ignore long tenantId,
        @Ignore String placePath,
        @Ignore String responsiblePath) {

    /** Parses the NOTIFY payload written by {@link NeedTimeline#publish}. */
    static NeedChange parse(String json) {
        return new NeedChange(field(json, "needId"), NeedStatus.valueOf(field(json, "status")),
                field(json, "action") == null ? null : NeedAction.valueOf(field(json, "action")), field(json, "at"),
                Long.parseLong(number(json, "tenantId")), field(json, "placePath"), field(json, "responsiblePath"));
    }

    boolean within(String path) {
        return placePath.startsWith(path) || responsiblePath.startsWith(path);
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
