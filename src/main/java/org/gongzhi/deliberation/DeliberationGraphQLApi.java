package org.gongzhi.deliberation;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.gongzhi.deliberation.BudgetService.AddProjectInput;
import org.gongzhi.deliberation.DeliberationInputs.*;
import org.gongzhi.deliberation.DeliberationViews.DeliberationConnection;
import org.gongzhi.deliberation.DeliberationViews.ExecutionRate;
import org.gongzhi.deliberation.FourStepService.ConcludeStepInput;
import org.gongzhi.deliberation.FourStepService.StartStepInput;
import org.gongzhi.deliberation.OpinionService.GiveOpinionInput;
import org.gongzhi.deliberation.OpinionService.HideOpinionInput;
import org.gongzhi.deliberation.PublicityService.AnswerObjectionInput;
import org.gongzhi.deliberation.PublicityService.RaiseObjectionInput;
import org.gongzhi.deliberation.TaskService.CreateTaskInput;
import org.gongzhi.deliberation.TaskService.UpdateTaskInput;
import org.gongzhi.deliberation.VoteService.CastVotePayload;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Deliberations over GraphQL: queries, mutations and the live tally. Thin: parse, call one service, map. */
@GraphQLApi
@Authenticated
public class DeliberationGraphQLApi {

    private final DeliberationService service;
    private final DeliberationScreens screens;
    private final VoteService votes;
    private final OpinionService opinions;
    private final FourStepService fourSteps;
    private final PublicityService publicity;
    private final TaskService tasks;
    private final BudgetService budgets;
    private final GraphQLLimits limits;

    DeliberationGraphQLApi(DeliberationService service, DeliberationScreens screens, VoteService votes, OpinionService opinions,
            FourStepService fourSteps, PublicityService publicity, TaskService tasks, BudgetService budgets, GraphQLLimits limits) {
        this.service = service;
        this.screens = screens;
        this.votes = votes;
        this.opinions = opinions;
        this.fourSteps = fourSteps;
        this.publicity = publicity;
        this.tasks = tasks;
        this.budgets = budgets;
        this.limits = limits;
    }

    // ------------------------------------------------------------------ queries

    @Query("deliberation")
    @Description("按ID查询议事 (one deliberation the caller may see)")
    public Deliberation deliberation(@NonNull @Id @Name("id") String id) {
        return service.get(id);
    }

    @Query("deliberations")
    @Description("我可见的议事：本社区与全街道事项及我服务的范围，最新在前 (deliberations the caller may see, newest first)")
    public @NonNull DeliberationConnection deliberations(@Name("filter") DeliberationFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        DeliberationFilter f = filter == null ? new DeliberationFilter(null, null, null) : filter;
        return screens.visible(f.underId(), f.stage(), f.kind(), PageRequest.of(first, after, limits));
    }

    @Name("DeliberationFilter")
    @Description("议事筛选 (filter; every field optional)")
    public record DeliberationFilter(
            @Id @Description("只看此组织子树 (only inside this subtree)") String underId,
            @Description("阶段 (stage)") DeliberationStage stage,
            @Description("类型 (kind)") DeliberationKind kind) {
    }

    @Query("deliberationTransitions")
    @Description("议事阶段流转规则表 (the stage machine: step, from stages, to stage, who may perform it)")
    public @NonNull List<@NonNull DeliberationTransitionRule> deliberationTransitions() {
        return DeliberationTransitions.TABLE.stream().map(t -> new DeliberationTransitionRule(t.action(), List.copyOf(t.from()), t.to(),
                List.copyOf(t.performers()))).toList();
    }

    @Name("DeliberationTransitionRule")
    @Description("流转规则 (one row of the stage machine)")
    public record DeliberationTransitionRule(@NonNull @Description("动作 (step)") DeliberationAction action,
            @NonNull @Description("允许的起始阶段；空表示新建 (from stages; empty for creation)") List<@NonNull DeliberationStage> from,
            @NonNull @Description("目标阶段 (to)") DeliberationStage to,
            @NonNull @Description("可执行者 (who may perform it)") List<@NonNull DeliberationPerformer> performers) {
    }

    @Query("deliberationExecutionRate")
    @Description("组织子树内决议执行率（按期完成/已到期）(execution rate of resolutions scoped in an organization's subtree)")
    public @NonNull ExecutionRate deliberationExecutionRate(@NonNull @Id @Name("organizationId") String organizationId) {
        return screens.executionRateUnder(organizationId);
    }

    // ------------------------------------------------------------------ live tally

    @Subscription("deliberationTallyChanged")
    @Description("订阅实时计票（仅计数，无记名票不暴露任何投票人）；数据库通知连接恢复后收到 kind=RESYNC 的当前计数；"
            + "服务器停机时以 UNAVAILABLE 错误结束，请重新连接并订阅 (live tally of a deliberation's vote: counts only; graphql-ws."
            + " kind RESYNC carries the current counts after the server's notification connection was re-established. Ends with"
            + " an UNAVAILABLE error when the server shuts down: reconnect and subscribe again)")
    public Multi<TallyChange> deliberationTallyChanged(@NonNull @Id @Name("deliberationId") String deliberationId) {
        // The element stays nullable: a refused scope check (FORBIDDEN, NOT_FOUND) then reaches the client as a
        // GraphQL error with its extensions.code; a non-null element would turn it into a null-field crash instead.
        Context ctx = Vertx.currentContext();
        Uni<String> checked = ctx == null ? Uni.createFrom().item(() -> service.get(deliberationId).id())
                : Uni.createFrom().completionStage(() -> ctx.executeBlocking(() -> service.get(deliberationId).id(), false).toCompletionStage());
        return checked.onItem().transformToMulti(screens::tallyStream);
    }

    // ------------------------------------------------------------------ mutations: the stage machine

    @Mutation("proposeDeliberation")
    @Description("提议议事事项 (propose a deliberation)")
    public @NonNull DeliberationPayload proposeDeliberation(@NonNull @Name("input") ProposeDeliberationInput input) {
        return service.propose(input);
    }

    @Mutation("advanceDeliberation")
    @Description("推进阶段：开始协商、结束表决、开始实施、归档 (OPEN_CONSULTATION, CLOSE_VOTING, START_IMPLEMENTATION, ARCHIVE)")
    public @NonNull DeliberationPayload advanceDeliberation(@NonNull @Name("input") DeliberationStepInput input) {
        return service.advance(input);
    }

    @Mutation("openDeliberationVoting")
    @Description("开始表决并记录规则 (open the vote with its rules; fixes the roll)")
    public @NonNull DeliberationPayload openDeliberationVoting(@NonNull @Name("input") OpenVotingInput input) {
        return votes.open(input);
    }

    @Mutation("castVote")
    @Description("投票（记名票截止前可改，无记名票一经投出不可改）(cast a ballot)")
    public @NonNull CastVotePayload castVote(@NonNull @Name("input") CastVoteInput input) {
        return votes.cast(input);
    }

    @Mutation("publicizeDeliberation")
    @Description("决议公开 (publicise a passed resolution)")
    public @NonNull DeliberationPayload publicizeDeliberation(@NonNull @Name("input") PublicizeInput input) {
        return service.publicize(input);
    }

    @Mutation("completeDeliberation")
    @Description("办结并公开实施结果 (complete and publicise the implementation result)")
    public @NonNull DeliberationPayload completeDeliberation(@NonNull @Name("input") CompleteInput input) {
        return service.complete(input);
    }

    @Mutation("withdrawDeliberation")
    @Description("撤回（表决前）(withdraw before voting)")
    public @NonNull DeliberationPayload withdrawDeliberation(@NonNull @Name("input") WithdrawDeliberationInput input) {
        return service.withdraw(input);
    }

    @Mutation("referDeliberation")
    @Description("转介至上一级或下一级，生成关联议事 (refer one level up or down; creates a linked deliberation)")
    public @NonNull DeliberationPayload referDeliberation(@NonNull @Name("input") ReferDeliberationInput input) {
        return service.refer(input);
    }

    // ------------------------------------------------------------------ mutations: opinions, 四议, publicity, tasks, budget

    @Mutation("giveDeliberationOpinion")
    @Description("发表/修改意见 (give or change my opinion)")
    public @NonNull DeliberationPayload giveDeliberationOpinion(@NonNull @Name("input") GiveOpinionInput input) {
        return opinions.give(input);
    }

    @Mutation("hideDeliberationOpinion")
    @Description("隐藏意见（管理员）(hide an opinion with a reason)")
    public @NonNull DeliberationPayload hideDeliberationOpinion(@NonNull @Name("input") HideOpinionInput input) {
        return opinions.hide(input);
    }

    @Mutation("startFourDeliberationStep")
    @Description("开始四议中的一步 (start one of steps 1-3 of 四议两公开)")
    public @NonNull DeliberationPayload startFourDeliberationStep(@NonNull @Name("input") StartStepInput input) {
        return fourSteps.start(input);
    }

    @Mutation("concludeFourDeliberationStep")
    @Description("记录四议步骤结果 (record attendance and outcome of steps 1-3)")
    public @NonNull DeliberationPayload concludeFourDeliberationStep(@NonNull @Name("input") ConcludeStepInput input) {
        return fourSteps.conclude(input);
    }

    @Mutation("raiseDeliberationObjection")
    @Description("对公示提出异议 (object to a publicity within its window)")
    public @NonNull DeliberationPayload raiseDeliberationObjection(@NonNull @Name("input") RaiseObjectionInput input) {
        return publicity.raise(input);
    }

    @Mutation("answerDeliberationObjection")
    @Description("答复异议 (answer an objection)")
    public @NonNull DeliberationPayload answerDeliberationObjection(@NonNull @Name("input") AnswerObjectionInput input) {
        return publicity.answer(input);
    }

    @Mutation("createDeliberationTask")
    @Description("派发督办任务 (spawn an implementation task)")
    public @NonNull DeliberationPayload createDeliberationTask(@NonNull @Name("input") CreateTaskInput input) {
        return tasks.create(input);
    }

    @Mutation("updateDeliberationTask")
    @Description("更新督办任务进度 (move an implementation task on)")
    public @NonNull DeliberationPayload updateDeliberationTask(@NonNull @Name("input") UpdateTaskInput input) {
        return tasks.update(input);
    }

    @Mutation("addBudgetProject")
    @Description("提出微实事项目 (propose a participatory-budget project)")
    public @NonNull DeliberationPayload addBudgetProject(@NonNull @Name("input") AddProjectInput input) {
        return budgets.addProject(input);
    }
}
