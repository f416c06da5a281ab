package org.gongzhi.resource;

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
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A co-building agreement (共建协议) between a community or street committee and a co-building unit. */
@Entity
@Table(name = "co_building_agreement")
public class AgreementEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(name = "community_id")
    public Long communityId;
    @Column(name = "party_org_id", nullable = false)
    public long partyOrgId;
    @Column(name = "party_path", nullable = false, length = 2000)
    public String partyPath;
    @Column(name = "unit_org_id", nullable = false)
    public long unitOrgId;
    @Column(nullable = false, length = 200)
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AgreementStatus status;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Column(name = "performing_at")
    public Instant performingAt;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    @Column(name = "evaluation_score")
    public Short evaluationScore;
    @Column(name = "evaluation_notes", length = 2000)
    public String evaluationNotes;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    long auditChainKey() {
        return communityId != null ? communityId : tenantId;
    }
}
