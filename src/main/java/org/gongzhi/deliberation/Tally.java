package org.gongzhi.deliberation;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Counts of a vote computed by SQL from the ballots and the roll (never stored counters). */
@Name("VoteTally")
@Description("计票结果：由数据库按选票实时统计，仅含计数 (tally computed from the ballots; counts only)")
public record Tally(
        @NonNull @Description("名册单位数（人或户）(eligible units on the roll)") long eligibleUnits,
        @NonNull @Description("名册专有面积合计（业主表决）(eligible floor area, owners' votes)") BigDecimal eligibleArea,
        @NonNull @Description("已投票单位数 (units that voted)") long participatingUnits,
        @NonNull @Description("已投票专有面积 (floor area that voted)") BigDecimal participatingArea,
        @NonNull @Description("各意见计数 (counts per choice)") List<@NonNull ChoiceCount> choices,
        @NonNull @Description("各项目得票（微实事）(approvals per project)") List<@NonNull ProjectCount> projects,
        @NonNull @Description("是否达到法定参与比例 (quorum reached)") boolean quorumReached,
        @NonNull @Description("按现有票数是否通过 (would pass with the ballots so far; final once closed)") boolean passing) {

    @Name("VoteChoiceCount")
    @Description("某一意见的票数 (count of one choice)")
    public record ChoiceCount(@NonNull @Description("意见 (choice)") BallotChoice choice,
            @NonNull @Description("票数 (units)") long count,
            @NonNull @Description("专有面积 (area)") BigDecimal area) {
    }

    @Name("VoteProjectCount")
    @Description("某一项目的认可票数 (approvals of one project)")
    public record ProjectCount(@NonNull @Id @Description("项目 (project)") String projectId,
            @NonNull @Description("票数 (approvals)") long count,
            @Ignore long projectDbId) {
    }

    long count(BallotChoice choice) {
        return choices.stream().filter(c -> c.choice() == choice).mapToLong(ChoiceCount::count).sum();
    }

    BigDecimal area(BallotChoice choice) {
        return choices.stream().filter(c -> c.choice() == choice).map(ChoiceCount::area).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
