package org.gongzhi.platform.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gongzhi.platform.i18n.LabeledEnums;

@ApplicationScoped
class EventLabels implements LabeledEnums {

    @Override
    public List<Enum<?>[]> enums() {
        return List.<Enum<?>[]>of(ChangeKind.values());
    }
}
