package org.gongzhi.organization;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gongzhi.platform.i18n.LabeledEnums;

@ApplicationScoped
class OrganizationLabels implements LabeledEnums {

    @Override
    public List<Enum<?>[]> enums() {
        return List.of(OrganizationKind.values(), OrganizationStatus.values());
    }
}
