package org.gongzhi.member;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gongzhi.platform.i18n.LabeledEnums;

@ApplicationScoped
class MemberLabels implements LabeledEnums {

    @Override
    public List<Enum<?>[]> enums() {
        return List.of(MembershipRole.values(), SpecialGroupTag.values(), PartyStanding.values(), Gender.values(),
                IdentityKind.values());
    }
}
