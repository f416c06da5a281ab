package org.gongzhi.deliberation;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The vote of a deliberation with its rules as recorded when it opened. */
@Name("DeliberationVote")
@Description("表决及其规则（开始表决时记录）(the vote and the rules recorded when it opened)")
public record Vote(
        @NonNull @Id @Description("不透明ID (opaque id)") String id,
        @NonNull @Description("表决资格 (eligibility)") VoteEligibility eligibility,
        @NonNull @Description("通过规则 (pass rule)") VoteRule rule,
        @NonNull @Description("无记名投票 (secret ballot)") boolean secret,
        @NonNull @Description("重大事项（业主表决须四分之三）(major matter: owners' votes need 3/4)") boolean majorMatter,
        @NonNull @Description("最低参与比例分子 (quorum numerator)") int quorumNumerator,
        @NonNull @Description("最低参与比例分母 (quorum denominator)") int quorumDenominator,
        @Description("每人最多认可项目数（微实事）(approvals per voter)") Integer maxChoices,
        @NonNull @Description("开始时间 (opened at)") OffsetDateTime openedAt,
        @Description("计划截止时间 (planned close)") OffsetDateTime closesAt,
        @Description("结束时间 (closed at)") OffsetDateTime closedAt,
        @Ignore long dbId,
        @Ignore long deliberationDbId,
        @Ignore String scopePath) {

    public static final String TYPE = "DeliberationVote";
}
