package org.gongzhi.member;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Party profile of a member: the home branch keeps the membership; an in-service member also registers at
 * the residential community (双报到); a floating member lives away from the home branch (流动党员).
 */
@Entity
@Table(name = "party_profile")
public class PartyProfileEntity extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public Long memberId;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PartyStanding standing;

    @Column(name = "home_branch_id")
    public Long homeBranchId;

    @Column(name = "registered_community_id")
    public Long registeredCommunityId;

    @Column(name = "in_service", nullable = false)
    public boolean inService;

    @Column(length = 200)
    public String workplace;

    @Column(nullable = false)
    public boolean floating;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
