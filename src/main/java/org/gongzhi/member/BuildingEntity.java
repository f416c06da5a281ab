package org.gongzhi.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 楼栋: a residential building of a grid (and optionally a compound). */
@Entity
@Table(name = "building")
public class BuildingEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;

    @Column(name = "grid_id", nullable = false)
    public long gridId;

    @Column(name = "compound_id")
    public Long compoundId;

    @Column(name = "community_id", nullable = false)
    public long communityId;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
