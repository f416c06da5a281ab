package org.gongzhi.platform.audit;

import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.security.Role;

import io.quarkus.security.Authenticated;

/** Tamper check of the audit log, for auditors and administrators of the community. */
@GraphQLApi
@Authenticated
public class AuditGraphQLApi {

    @Name("AuditVerification")
    @Description("留痕校验结果 (result of verifying one community's audit chain)")
    public record AuditVerificationView(
            @NonNull @Description("链是否完好 (true when no entry was altered, inserted or removed)") boolean valid,
            @NonNull @Description("已校验条数 (entries checked)") long entriesChecked,
            @Description("第一处断点序号 (sequence number of the first broken entry)") Long firstBrokenSequence,
            @Description("问题说明 (what is wrong)") String problem) {
    }

    private final AuditVerifier verifier;
    private final CurrentActor currentActor;
    private final EntityManager em;

    AuditGraphQLApi(AuditVerifier verifier, CurrentActor currentActor, EntityManager em) {
        this.verifier = verifier;
        this.currentActor = currentActor;
        this.em = em;
    }

    @Query("verifyAuditChain")
    @Description("校验社区（或街道）留痕链是否被篡改 (verify the hash chain of a community's, or a street's, audit log)")
    public @NonNull AuditVerificationView verifyAuditChain(@NonNull @Id @Name("organizationId") String organizationId) {
        long orgId = GlobalId.decode("Organization", organizationId, "organizationId");
        Actor actor = currentActor.get().requireAuthenticated();
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery(
                "select path, tenant_id, coalesce(community_id, tenant_id) from organization where id = :id")
                .setParameter("id", orgId).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Organization", organizationId);
        }
        Object[] org = rows.get(0);
        boolean auditorOfStreet = actor.has(Role.AUDITOR) && actor.tenantId() != null
                && actor.tenantId() == ((Number) org[1]).longValue();
        if (!auditorOfStreet && !actor.administers((String) org[0])) {
            throw DomainException.forbidden("Only auditors of the street and administrators in scope verify audit chains");
        }
        AuditVerifier.Verification v = verifier.verify(((Number) org[2]).longValue());
        return new AuditVerificationView(v.valid(), v.entriesChecked(), v.firstBrokenSeq(), v.problem());
    }
}
