package org.gongzhi.deliberation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.events.ChangeKind;

import io.vertx.core.json.JsonObject;

/**
 * What a screen subscribed to a vote receives: counts only, never who voted what. A RESYNC carries the counts read
 * after the server's notification connection came back, so a screen that missed ballots is current again.
 */
@Name("VoteTallyChange")
@Description("实时计票（仅计数）(live tally of a vote: counts only; kind RESYNC: ballots may have been missed while the "
        + "server's notification connection was down, these are the counts read again after it came back)")
public record TallyChange(
        @NonNull @Description("事件类型：CHANGE 一次投票或结束表决；RESYNC 重新读取的当前计数 "
                + "(CHANGE: a ballot or the close; RESYNC: the current counts, read again after missed notifications)")
        ChangeKind kind,
        @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
        @NonNull @Description("名册单位数 (eligible units)") long eligible,
        @NonNull @Description("已投票单位数 (units that voted)") long participating,
        @NonNull @Description("已达参与比例 (quorum reached)") boolean quorumReached,
        @NonNull @Description("按现有票数通过 (passing so far)") boolean passing,
        @NonNull @Description("各意见票数 (counts per choice)") List<@NonNull Tick> choices,
        @NonNull @Description("各项目得票 (approvals per project)") List<@NonNull Tick> projects,
        @NonNull @Description("时间 (at, ISO-8601)") String at,
        @Ignore long tenantId) {

    @Name("VoteTallyTick")
    @Description("一项计数 (one count)")
    public record Tick(@NonNull @Description("意见或项目ID (choice or project id)") String key,
            @NonNull @Description("票数 (count)") long count) {
    }

    /** Parses the NOTIFY payload written by {@link TallyEvents#publish}. */
    static TallyChange parse(String json) {
        JsonObject o = new JsonObject(json);
        return new TallyChange(ChangeKind.CHANGE, o.getString("deliberationId"), o.getLong("eligible"), o.getLong("participating"),
                o.getBoolean("quorumReached"), o.getBoolean("passing"), ticks(o.getJsonObject("choices")),
                ticks(o.getJsonObject("projects")), o.getString("at"), o.getLong("tenantId"));
    }

    private static List<Tick> ticks(JsonObject o) {
        List<Tick> out = new ArrayList<>();
        if (o != null) {
            for (String k : o.fieldNames()) {
                out.add(new Tick(k, o.getLong(k)));
            }
        }
        return out;
    }
}
