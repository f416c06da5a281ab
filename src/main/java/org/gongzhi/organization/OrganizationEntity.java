package org.gongzhi.organization;

import java.time.Instant;

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

/**
 * A node of the organization tree. Parent and community are plain id columns, not associations: reads
 * go through batched queries into view records, never through lazy loading.
 */
@Entity
@Table(name = "organization")
public class OrganizationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(name = "community_id")
    public Long communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public OrganizationKind kind;

    @Column(nullable = false, length = 200)
    public String name;

    /** Materialized path of ids, e.g. {@code /1/5/23/}. */
    @Column(nullable = false, length = 2000)
    public String path;

    @Column(nullable = false)
    public int depth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrganizationStatus status = OrganizationStatus.ACTIVE;

    @Column(name = "dissolved_at")
    public Instant dissolvedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The audit chain this organization's records belong to: its community, else its street. */
    public long auditChainKey() {
        return communityId != null ? communityId : tenantId;
    }

    public boolean isActive() {
        return status == OrganizationStatus.ACTIVE;
    }
}
