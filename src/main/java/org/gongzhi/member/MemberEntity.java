package org.gongzhi.member;

import java.time.Instant;
import java.time.LocalDate;
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

/** One person, entered once and used everywhere (一次录入、多场景使用). Personal data columns are private. */
@Entity
@Table(name = "member")
public class MemberEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public long tenantId;

    @Column(name = "community_id")
    public Long communityId;

    @Column(name = "household_id")
    public Long householdId;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Gender gender;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(length = 32)
    public String phone;

    @Column(name = "id_number", length = 32)
    public String idNumber;

    @Column(length = 300)
    public String address;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "special_tags", nullable = false, columnDefinition = "text[]")
    public List<String> specialTags = new ArrayList<>();

    @Column(name = "leaderboard_opt_out", nullable = false)
    public boolean leaderboardOptOut;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
