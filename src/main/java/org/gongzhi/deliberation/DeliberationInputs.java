package org.gongzhi.deliberation;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Input and payload records of the deliberation mutations. Every input takes an optional idempotency key. */
public final class DeliberationInputs {

    private DeliberationInputs() {
    }

    @Name("ProposeDeliberationInput")
    @Description("提议议事事项（事前提议、一事一议）(propose a deliberation; 三重一大 major matters must use FOUR_DELIBERATIONS)")
    public record ProposeDeliberationInput(
            @NonNull @Id @Description("议事范围：楼栋/小区/网格/社区/街道组织 (scope organization; decides who may take part)") String scopeId,
            @NonNull @Description("议题，最多100字 (title, at most 100 characters)") String title,
            @NonNull @Description("背景说明，最多4000字 (background, at most 4000 characters)") String background,
            @NonNull @Description("议事类型 (kind)") DeliberationKind kind,
            @Description("是否三重一大事项 (major matter)") Boolean majorMatter,
            @Description("三重一大类别（重大事项必填）(category; required for a major matter)") MajorMatterCategory majorCategory,
            @Id @Description("联席会议参加组织（三方联动）(participating organizations of a joint meeting)") List<String> participatingOrganizationIds,
            @Id @Description("关联的公共事务需求 (public needs raised into this deliberation)") List<String> linkedNeedIds,
            @Description("附件地址，最多9个 (attachment URLs, at most 9)") List<String> attachmentUrls,
            @Description("微实事预算（PARTICIPATORY_BUDGET必填）(budget; required for a participatory budget)") BudgetInput budget,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("DeliberationBudgetInput")
    @Description("微实事预算 (participatory budget)")
    public record BudgetInput(
            @NonNull @Description("预算总额（分）(total, in fen)") long totalFen,
            @NonNull @Description("每人最多选几个项目 (projects each voter may approve at most)") int maxProjectsPerVoter) {
    }

    @Name("DeliberationStepInput")
    @Description("无附加数据的流转：OPEN_CONSULTATION、CLOSE_VOTING、START_IMPLEMENTATION、ARCHIVE (a step that needs only a note)")
    public record DeliberationStepInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("动作 (the step)") DeliberationAction action,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("WithdrawDeliberationInput")
    @Description("撤回（表决前）(withdraw before voting)")
    public record WithdrawDeliberationInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("理由 (reason)") String reason,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("ReferDeliberationInput")
    @Description("转介：上转上级组织，或下转某一直属下级 (refer one level up, or down to a direct child of the scope)")
    public record ReferDeliberationInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("方向 (direction)") ReferralDirection direction,
            @Id @Description("下转目标（直属下级组织）(target child organization, for DOWN)") String targetOrganizationId,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("OpenDeliberationVotingInput")
    @Description("开始表决并记录规则 (open the vote and record its rules; the roll 选民名册 is fixed now)")
    public record OpenVotingInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @Description("表决资格；四议两公开固定为居民代表 (eligibility; REPRESENTATIVES for 四议两公开)") VoteEligibility eligibility,
            @Description("通过规则；业主表决固定为双多数，微实事固定为认可投票 (pass rule)") VoteRule rule,
            @Description("无记名投票 (secret ballot)") Boolean secret,
            @Description("最低参与比例（百分比，默认50；业主表决固定2/3，居民代表会议固定2/3）(quorum percent of the roll)") Integer quorumPercent,
            @Description("计划截止时间 (planned closing time)") OffsetDateTime closesAt,
            @Description("业主表决的重大事项（民法典第278条第6-8项，须双四分之三；三重一大事项自动适用）(major matter for owners' votes: 3/4 of area and owners)") Boolean majorMatter,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("CastVoteInput")
    @Description("投票；可在截止前改投（记名），无记名票一经投出不可更改 (cast a ballot; open ballots may be changed until the vote closes, secret ones are final)")
    public record CastVoteInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @Description("表决意见（是非表决）(choice, for yes/no votes)") BallotChoice choice,
            @Id @Description("认可的项目（微实事）(approved projects, for a participatory budget)") List<String> projectIds,
            @Id @Description("代投：被代投的选民（网格员为老人代投）(proxy: the voter a grid worker casts for)") String voterId,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("PublicizeDeliberationInput")
    @Description("决议公开（第一公开）(publicise the resolution: starts the display period and the objection window)")
    public record PublicizeInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("决议内容 (the resolution)") String resolution,
            @Description("公示天数（不少于最低天数）(display days; at least the configured minimum)") Integer displayDays,
            @Description("异议期天数（不超过公示天数）(objection days; at most the display days)") Integer objectionDays,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("CompleteDeliberationInput")
    @Description("办结并公开实施结果（第二公开）(complete: all tasks finished; publicise the implementation result)")
    public record CompleteInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("实施结果 (the implementation result)") String result,
            @Description("公示天数 (display days)") Integer displayDays,
            @Description("异议期天数 (objection days)") Integer objectionDays,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("DeliberationPayload")
    @Description("议事变更结果 (result of a deliberation mutation)")
    public record DeliberationPayload(
            @NonNull @Description("变更后的议事 (the deliberation after the change)") Deliberation deliberation,
            @NonNull @Description("是否为幂等重放 (true when replayed from an earlier call with the same key)") boolean replayed) {
    }
}
