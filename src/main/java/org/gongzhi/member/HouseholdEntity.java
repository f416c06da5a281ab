package org.gongzhi.member;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 户: a household in a building; its grid and community are copied for index-driven scope filters. */
@Entity
@Table(name = "household")
public class HouseholdEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;

    @Column(name = "building_id", nullable = false)
    public long buildingId;

    @Column(name = "grid_id", nullable = false)
    public long gridId;

    @Column(name = "community_id", nullable = false)
    public long communityId;

    @Column(name = "door_number", nullable = false, length = 50)
    public String doorNumber;

    @Column(name = "floor_area_sqm", precision = 10, scale = 2)
    public BigDecimal floorAreaSqm;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
