package org.gongzhi.need;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gongzhi.platform.i18n.LabeledEnums;

@ApplicationScoped
class NeedLabels implements LabeledEnums {

    @Override
    public List<Enum<?>[]> enums() {
        return List.of(NeedCategory.values(), NeedUrgency.values(), NeedKind.values(), NeedChannel.values(),
                NeedVisibility.values(), NeedStatus.values(), NeedAction.values(), NeedPerformer.values(),
                NeedEventKind.values());
    }
}
