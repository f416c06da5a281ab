package org.gongzhi.deliberation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;

/** The small GraphQL views around a deliberation: steps, publicities, objections, opinions, tasks, rates, pages. */
public final class DeliberationViews {

    private DeliberationViews() {
    }

    @Name("DeliberationStep")
    @Description("四议两公开的一步 (one of the four ordered steps of 四议两公开)")
    public record Step(
            @NonNull @Description("序号1-4 (order)") int seq,
            @NonNull @Description("步骤 (step)") FourStepKind kind,
            @NonNull @Description("状态 (status)") DeliberationStepStatus status,
            @Description("应到 (eligible participants)") Integer eligibleCount,
            @Description("实到 (attended)") Integer attendedCount,
            @Description("赞成 (for)") Integer forCount,
            @Description("反对 (against)") Integer againstCount,
            @Description("弃权 (abstain)") Integer abstainCount,
            @Description("会议纪要 (minutes)") String note,
            @Description("开始时间 (started at)") OffsetDateTime startedAt,
            @Description("结束时间 (concluded at)") OffsetDateTime concludedAt,
            @Ignore Long bodyOrgId) {
    }

    @Name("DeliberationPublicity")
    @Description("公开（决议公开/实施结果公开）与异议期 (a publicity with its display period and objection window)")
    public record Publicity(
            @NonNull @Description("类别 (kind)") PublicityKind kind,
            @NonNull @Description("公开内容 (content)") String content,
            @NonNull @Description("公示开始 (starts at)") OffsetDateTime startsAt,
            @NonNull @Description("最短公示期至 (minimum display until)") OffsetDateTime displayUntil,
            @NonNull @Description("异议截止 (objection deadline)") OffsetDateTime objectionDeadline,
            @NonNull @Description("异议期内 (objections accepted now)") boolean objectionsOpen,
            @NonNull @Description("公示期已满 (display period over)") boolean displayOver,
            @NonNull @Description("未答复异议数 (unanswered objections)") long unansweredObjections,
            @Ignore long dbId) {
    }

    @Name("DeliberationObjection")
    @Description("对公示的异议及答复 (an objection and its answer; the objector is not shown)")
    public record Objection(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("异议内容 (objection)") String body,
            @NonNull @Description("提出时间 (raised at)") OffsetDateTime raisedAt,
            @Description("答复 (answer)") String answer,
            @Description("答复时间 (answered at)") OffsetDateTime answeredAt,
            @NonNull @Description("是我提出的 (raised by the caller)") boolean mine) {
    }

    @Name("DeliberationOpinion")
    @Description("意见（每人一条当前意见，修改保留历史）(an opinion; one current per member, edits keep history)")
    public record Opinion(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("立场 (stance)") OpinionStance stance,
            @Description("内容；被隐藏时仅管理员可见 (text; null when hidden, except for administrators)") String body,
            @NonNull @Description("发表时间 (at)") OffsetDateTime createdAt,
            @NonNull @Description("已被隐藏 (hidden by a moderator)") boolean hidden,
            @Description("隐藏理由 (why it was hidden)") String hiddenReason,
            @NonNull @Description("此前修改次数 (earlier versions)") int earlierVersions,
            @Ignore long dbId,
            @Ignore long memberId) {
        public static final String TYPE = "DeliberationOpinion";
    }

    @Name("DeliberationTask")
    @Description("督办任务 (an implementation task spawned from a passed resolution)")
    public record Task(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("任务 (title)") String title,
            @NonNull @Description("状态 (status)") DeliberationTaskStatus status,
            @NonNull @Description("截止时间 (due at)") OffsetDateTime dueAt,
            @Description("完成时间 (completed at)") OffsetDateTime completedAt,
            @NonNull @Description("已超期未完成 (overdue: past due and not finished)") boolean overdue,
            @NonNull @Description("按期完成 (completed on time)") boolean onTime,
            @Description("资金（分）(funds, fen)") Long fundFen,
            @NonNull @Description("佐证材料地址 (evidence URLs)") List<@NonNull String> evidenceUrls,
            @NonNull @Id @Description("关联资源ID (linked resource ids)") List<@NonNull String> resourceIds,
            @Description("备注 (note)") String note,
            @Ignore long dbId,
            @Ignore long deliberationDbId,
            @Ignore Long ownerOrgId,
            @Ignore Long ownerMemberId,
            @Ignore List<Long> resourceDbIds) {
        public static final String TYPE = "DeliberationTask";
    }

    @Name("ExecutionRate")
    @Description("决议执行率 = 按期完成任务数 / 已到期任务数（目标≥95%）(execution rate: tasks completed on time / tasks due; target 95%)")
    public record ExecutionRate(
            @NonNull @Description("已到期任务数（到期或已完成，不含取消）(tasks due: past due or completed, cancelled excluded)") long due,
            @NonNull @Description("按期完成数 (completed on time)") long completedOnTime,
            @NonNull @Description("超期未完成数 (overdue, still open)") long overdue,
            @Description("执行率0-1；无到期任务时为空 (rate 0..1; null while nothing is due)") Double rate) {
    }

    @Name("DeliberationEvent")
    @Description("议事时间线事件 (a timeline event)")
    public record Event(
            @NonNull @Description("动作 (action: a stage step or OBJECTION_RAISED, STEP_PASSED, OPINION_HIDDEN, ...)") String action,
            @Description("原阶段 (from stage)") DeliberationStage fromStage,
            @Description("新阶段 (to stage)") DeliberationStage toStage,
            @Description("备注 (note)") String note,
            @NonNull @Description("时间 (at)") OffsetDateTime at,
            @Ignore Long actorMemberId) {
    }

    @Name("DeliberationConnection")
    @Description("议事分页列表 (a page of deliberations)")
    public record DeliberationConnection(
            @NonNull @Description("本页各项 (edges)") List<@NonNull DeliberationEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static DeliberationConnection of(Slice<Deliberation> slice, Function<Deliberation, String> cursor) {
            return new DeliberationConnection(slice.edges(cursor, DeliberationEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("DeliberationEdge")
    @Description("议事分页项 (an edge)")
    public record DeliberationEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("议事 (the deliberation)") Deliberation node) {
    }

    @Name("DeliberationOpinionConnection")
    @Description("意见分页列表 (a page of opinions)")
    public record OpinionConnection(
            @NonNull @Description("本页各项 (edges)") List<@NonNull OpinionEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("当前意见总数 (total current opinions)") long totalCount) {

        static OpinionConnection of(Slice<Opinion> slice, Function<Opinion, String> cursor) {
            return new OpinionConnection(slice.edges(cursor, OpinionEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("DeliberationOpinionEdge")
    @Description("意见分页项 (an edge)")
    public record OpinionEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("意见 (the opinion)") Opinion node) {
    }

    @Name("DeliberationBallot")
    @Description("记名选票（含改投历史）(an open ballot; superseded ones are the history of changes)")
    public record Ballot(
            @Description("表决意见 (choice)") BallotChoice choice,
            @NonNull @Id @Description("认可的项目 (approved projects)") List<@NonNull String> projectIds,
            @NonNull @Description("投票时间 (cast at)") OffsetDateTime castAt,
            @NonNull @Description("是否为当前有效票 (the current ballot of its voter)") boolean current,
            @Ignore long dbId,
            @Ignore long voterMemberId,
            @Ignore Long proxyMemberId) {
    }

    @Name("DeliberationBallotConnection")
    @Description("记名选票分页列表 (a page of open ballots)")
    public record BallotConnection(
            @NonNull @Description("本页各项 (edges)") List<@NonNull BallotEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static BallotConnection of(Slice<Ballot> slice, Function<Ballot, String> cursor) {
            return new BallotConnection(slice.edges(cursor, BallotEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("DeliberationBallotEdge")
    @Description("选票分页项 (an edge)")
    public record BallotEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("选票 (the ballot)") Ballot node) {
    }
}
