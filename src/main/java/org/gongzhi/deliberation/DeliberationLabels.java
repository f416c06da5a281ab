package org.gongzhi.deliberation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gongzhi.platform.i18n.LabeledEnums;

@ApplicationScoped
class DeliberationLabels implements LabeledEnums {

    @Override
    public List<Enum<?>[]> enums() {
        return List.of(DeliberationKind.values(), MajorMatterCategory.values(), DeliberationStage.values(),
                DeliberationAction.values(), DeliberationPerformer.values(), DeliberationOutcome.values(),
                ReferralDirection.values(), OpinionStance.values(), VoteEligibility.values(), VoteRule.values(),
                BallotChoice.values(), FourStepKind.values(), DeliberationStepStatus.values(), PublicityKind.values(),
                DeliberationTaskStatus.values());
    }
}
