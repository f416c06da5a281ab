package org.gongzhi.resource;

import static org.gongzhi.platform.persistence.Rows.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;

/**
 * EmergencySupplyStandard (应急物资): a community's stock — the remaining units of ACTIVE EMERGENCY_SUPPLY resources
 * covering it or anything inside it — must reach max(units per household × households, units per community)
 * (2 and 500 by default, {@link ResourceConfig}). Staff see the communities of their scope.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EmergencySupplies {

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final ResourceConfig config;

    EmergencySupplies(EntityManager em, CurrentActor currentActor, ResourceConfig config) {
        this.em = em;
        this.currentActor = currentActor;
        this.config = config;
    }

    @Name("EmergencySupplyStatus")
    @Description("社区应急物资达标情况：每户至少2件且社区不少于500件 "
            + "(a community's emergency stock against the standard: at least 2 units per household and 500 per community)")
    public record Status(
            @NonNull @Description("户数 (households)") long households,
            @NonNull @Description("现有库存：可用应急物资剩余件数 (stock: remaining units of active emergency supplies)") long stock,
            @NonNull @Description("标准要求件数 (required units)") long required,
            @NonNull @Description("是否未达标 (below the standard)") boolean belowStandard,
            @NonNull @Description("缺口件数 (shortfall; 0 when met)") long shortfall,
            @NonNull @Description("应急物资条目数 (emergency supply resources counted)") int resources,
            @Ignore long communityId) {
    }

    /** The status of one community (staff serving it or inside it). */
    public Status of(String communityId) {
        Actor actor = currentActor.get().requireAuthenticated();
        OrganizationEntity c = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, communityId, "communityId"));
        if (c == null || c.kind != org.gongzhi.organization.OrganizationKind.COMMUNITY_COMMITTEE) {
            throw DomainException.invalid("communityId", "Not a community (社区)");
        }
        if (!related(actor, c.path)) {
            throw DomainException.forbidden("Outside the caller's scope: community");
        }
        return statuses(c.tenantId, c.path, false).get(0);
    }

    /** Communities of the caller's scope (inside {@code underId} when given) whose stock is below the standard, worst first. */
    public List<Status> belowStandard(String underId) {
        Actor actor = currentActor.get().requireAuthenticated();
        if (actor.servicePaths().isEmpty() || actor.tenantId() == null) {
            throw DomainException.forbidden("Emergency supply figures are for community and street staff");
        }
        String under = "/";
        if (underId != null) {
            OrganizationEntity u = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, underId, "underId"));
            if (u == null) {
                throw DomainException.invalid("underId", "No such organization");
            }
            under = u.path;
        }
        List<Status> out = new ArrayList<>();
        for (Status s : statuses(actor.tenantId(), under, true)) {
            out.add(s);
        }
        Map<Long, String> paths = new HashMap<>();
        for (Object[] r : rows("select id, path from organization where id in (:ids)",
                Map.of("ids", out.isEmpty() ? List.of(-1L) : out.stream().map(Status::communityId).toList()))) {
            paths.put(lng(r[0]), str(r[1]));
        }
        return out.stream().filter(s -> related(actor, paths.get(s.communityId()))).toList();
    }

    private static boolean related(Actor actor, String communityPath) {
        if (actor.serves(communityPath)) {
            return true;
        }
        return actor.servicePaths().stream().anyMatch(p -> p.startsWith(communityPath));
    }

    /** One statement: households and stock of every community under {@code underPath}, range predicates on the "C" paths. */
    private List<Status> statuses(long tenantId, String underPath, boolean onlyBelow) {
        long perHousehold = config.emergencyUnitsPerHousehold();
        long minimum = config.emergencyUnitsPerCommunity();
        List<Object[]> raw = rows("""
                select c.id, coalesce(hh.n, 0), coalesce(st.units, 0), coalesce(st.n, 0) from organization c
                left join lateral (select count(*) n from household h where h.community_id = c.id) hh on true
                left join lateral (select sum(r.remaining) units, count(*) n from resource r
                                   where r.kind = 'EMERGENCY_SUPPLY' and r.status = 'ACTIVE'
                                     and r.coverage_path >= c.path and r.coverage_path < c.path || '~') st on true
                where c.tenant_id = :t and c.kind = 'COMMUNITY_COMMITTEE' and c.status = 'ACTIVE'
                  and (c.path like :under or :under like c.path || '%')
                order by c.id
                """, Map.of("t", tenantId, "under", underPath.equals("/") ? "%" : underPath + "%"));
        List<Status> out = new ArrayList<>();
        for (Object[] r : raw) {
            long households = lngOr0(r[1]);
            long stock = lngOr0(r[2]);
            long required = Math.max(perHousehold * households, minimum);
            Status s = new Status(households, stock, required, stock < required, Math.max(0, required - stock), integer(r[3]), lng(r[0]));
            if (!onlyBelow || s.belowStandard()) {
                out.add(s);
            }
        }
        if (onlyBelow) {
            out.sort((a, b) -> Long.compare(b.shortfall(), a.shortfall()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q.getResultList();
    }
}
