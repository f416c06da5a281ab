package org.gongzhi.member;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Member × organization × role × period. Open (no end) memberships are unique per member, org and role. */
@Entity
@Table(name = "membership")
public class MembershipEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;

    @Column(name = "member_id", nullable = false)
    public long memberId;

    @Column(name = "organization_id", nullable = false)
    public long organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public MembershipRole role;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
