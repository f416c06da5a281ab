package org.gongzhi.resource;

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

/**
 * A resource of the pool (资源). Plain id columns, no associations. {@code remaining} and
 * {@code openAllocations} are changed only by conditional SQL updates in {@link ResourceAllocations}, never
 * through this entity (the entity is refreshed after such an update).
 */
@Entity
@Table(name = "resource")
public class ResourceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(name = "community_id")
    public Long communityId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public ResourceKind kind;
    @Column(nullable = false, length = 100)
    public String name;
    @Column(nullable = false, length = 2000)
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> categories = new ArrayList<>();
    @Column(name = "provider_org_id")
    public Long providerOrgId;
    @Column(name = "provider_member_id")
    public Long providerMemberId;
    @Column(name = "coverage_org_id", nullable = false)
    public long coverageOrgId;
    @Column(name = "coverage_path", nullable = false, length = 2000)
    public String coveragePath;
    @Column(name = "coverage_depth", nullable = false)
    public int coverageDepth;
    @Enumerated(EnumType.STRING)
    @Column(name = "capacity_model", nullable = false, length = 16)
    public CapacityModel capacityModel;
    public Long capacity;
    @Column(insertable = true, updatable = false)
    public Long remaining;
    @Column(name = "open_allocations", nullable = false, insertable = false, updatable = false)
    public int openAllocations;
    @Column(name = "open_weekdays", nullable = false)
    public short openWeekdays = 127;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ResourceStatus status;
    @Column(name = "contact_name", length = 100)
    public String contactName;
    @Column(name = "contact_phone", length = 32)
    public String contactPhone;
    @Column(name = "agreement_id")
    public Long agreementId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The audit chain of the resource: its community, else its street. */
    long auditChainKey() {
        return communityId != null ? communityId : tenantId;
    }
}
