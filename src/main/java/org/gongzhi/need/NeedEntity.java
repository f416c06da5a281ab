package org.gongzhi.need;

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

/** A need (需求). Plain id columns, no associations: reads go through {@link NeedQueries} into views. */
@Entity
@Table(name = "need")
public class NeedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(name = "community_id", nullable = false)
    public long communityId;
    @Column(name = "place_org_id", nullable = false)
    public long placeOrgId;
    @Column(name = "place_path", nullable = false, length = 2000)
    public String placePath;
    @Column(name = "building_id")
    public Long buildingId;
    @Column(name = "household_id")
    public Long householdId;

    @Column(nullable = false, length = 100)
    public String title;
    @Column(nullable = false, length = 4000)
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public NeedCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public NeedUrgency urgency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public NeedKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public NeedChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public NeedVisibility visibility;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public NeedStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_urls", nullable = false, columnDefinition = "text[]")
    public List<String> photoUrls = new ArrayList<>();

    @Column(name = "reporter_member_id", nullable = false)
    public long reporterMemberId;
    @Column(name = "beneficiary_member_id")
    public Long beneficiaryMemberId;
    @Column(name = "requester_member_id", nullable = false)
    public long requesterMemberId;

    @Column(name = "responsible_org_id", nullable = false)
    public long responsibleOrgId;
    @Column(name = "responsible_path", nullable = false, length = 2000)
    public String responsiblePath;
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;
    @Column(name = "assignee_org_id")
    public Long assigneeOrgId;
    @Column(name = "assignee_member_id")
    public Long assigneeMemberId;
    @Column(name = "claimer_member_id")
    public Long claimerMemberId;
    @Column(name = "duplicate_of_id")
    public Long duplicateOfId;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
    @Column(name = "respond_by", nullable = false)
    public Instant respondBy;
    @Column(name = "resolve_by", nullable = false)
    public Instant resolveBy;
    @Column(name = "acknowledge_by")
    public Instant acknowledgeBy;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "rated_at")
    public Instant ratedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "next_deadline")
    public Instant nextDeadline;

    public Short rating;
    @Column(name = "rating_comment", length = 500)
    public String ratingComment;
    @Column(name = "reject_reason", length = 500)
    public String rejectReason;
    @Column(name = "resolution_note", length = 2000)
    public String resolutionNote;
    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The deadline that governs the current status: respond while unanswered, acknowledge while escalated, resolve while being worked on. */
    void recomputeNextDeadline() {
        nextDeadline = switch (status) {
            case SUBMITTED -> respondBy;
            case ESCALATED -> acknowledgeBy;
            case ACCEPTED, ASSIGNED, CLAIMED, IN_PROGRESS -> resolveBy;
            default -> null;
        };
    }

    /** The audit chain of the need: its community. */
    long auditChainKey() {
        return communityId;
    }
}
