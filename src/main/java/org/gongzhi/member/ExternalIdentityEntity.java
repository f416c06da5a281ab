package org.gongzhi.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A login bound to a member: OIDC subject, WeChat openid or unionid; unique per kind and value. */
@Entity
@Table(name = "external_identity")
public class ExternalIdentityEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false)
    public long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public IdentityKind kind;

    @Column(nullable = false, length = 200)
    public String value;

    @Column(name = "bound_at", nullable = false)
    public Instant boundAt;
}
