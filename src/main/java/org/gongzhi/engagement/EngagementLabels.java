package org.gongzhi.engagement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gongzhi.platform.i18n.LabeledEnums;

@ApplicationScoped
class EngagementLabels implements LabeledEnums {

    @Override
    public List<Enum<?>[]> enums() {
        return List.of(LedgerUnit.values(), LedgerEntryKind.values(), RewardKind.values(), ActivityKind.values(),
                ActivityAudience.values(), ActivityStatus.values(), SignupStatus.values(), CheckInMethod.values());
    }
}
