package org.gongzhi.resource;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gongzhi.platform.i18n.LabeledEnums;

@ApplicationScoped
class ResourceLabels implements LabeledEnums {

    @Override
    public List<Enum<?>[]> enums() {
        return List.of(ResourceKind.values(), CapacityModel.values(), ResourceStatus.values(), AllocationStatus.values(),
                AllocationPurpose.values(), ResourceAction.values(), AgreementStatus.values(), AgreementAction.values(), AgreementList.values());
    }
}
