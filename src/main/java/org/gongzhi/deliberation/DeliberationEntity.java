package org.gongzhi.deliberation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A deliberation (议事). Plain id columns, no associations: reads go through {@link DeliberationQueries}. */
@Entity
@Table(name = "deliberation")
public class DeliberationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(name = "community_id")
    public Long communityId;
    @Column(name = "scope_org_id", nullable = false)
    public long scopeOrgId;
    @Column(name = "scope_path", nullable = false, length = 2000)
    public String scopePath;

    @Column(nullable = false, length = 100)
    public String title;
    @Column(nullable = false, length = 4000)
    public String background;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public DeliberationKind kind;
    @Column(name = "major_matter", nullable = false)
    public boolean majorMatter;
    @Enumerated(EnumType.STRING)
    @Column(name = "major_category", length = 32)
    public MajorMatterCategory majorCategory;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public DeliberationStage stage;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public DeliberationOutcome outcome;

    @Column(name = "proposer_member_id", nullable = false)
    public long proposerMemberId;
    @Column(name = "referred_from_id")
    public Long referredFromId;
    @Enumerated(EnumType.STRING)
    @Column(name = "referral_direction", length = 8)
    public ReferralDirection referralDirection;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attachment_urls", nullable = false, columnDefinition = "text[]")
    public List<String> attachmentUrls = new ArrayList<>();

    @Column(length = 4000)
    public String resolution;
    @Column(name = "withdraw_reason", length = 500)
    public String withdrawReason;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The audit chain of the deliberation: its community, or the street for street-wide matters. */
    long auditChainKey() {
        return communityId != null ? communityId : tenantId;
    }
}
