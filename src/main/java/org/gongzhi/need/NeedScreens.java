package org.gongzhi.need;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gongzhi.need.NeedOverview.NeedOrgCounts;
import org.gongzhi.need.NeedOverview.NeedOrgCountsConnection;
import org.gongzhi.need.NeedOverview.NeedOrgCountsEdge;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationConnection;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;

/** The three screens: scope checks, then {@link NeedQueries}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NeedScreens {

    private final CurrentActor currentActor;
    private final NeedQueries queries;
    private final OrganizationQueries organizations;

    NeedScreens(CurrentActor currentActor, NeedQueries queries, OrganizationQueries organizations) {
        this.currentActor = currentActor;
        this.queries = queries;
        this.organizations = organizations;
    }

    public NeedConnection mine(NeedStatus status, PageRequest page) {
        long me = currentActor.get().requireMember();
        return queries.mine(me, status, page);
    }

    public NeedConnection inbox(List<NeedStatus> statuses, NeedCategory category, NeedUrgency urgency, Boolean overdue,
            String underId, PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        actor.requireMember();
        String under = null;
        if (underId != null) {
            OrganizationEntity org = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, underId, "underId"));
            if (org == null) {
                throw DomainException.notFound("Organization", underId);
            }
            actor.requireServes(org.path, "organization");
            under = org.path;
        }
        return queries.inbox(actor, new NeedQueries.InboxFilter(statuses, category, urgency, overdue, under), page);
    }

    /** The subtree path a subscriber may follow: one they administer or serve as grid worker. */
    public String subscribablePath(String organizationId) {
        Actor actor = currentActor.get().requireAuthenticated();
        OrganizationEntity org = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, organizationId, "organizationId"));
        if (org == null) {
            throw DomainException.notFound("Organization", organizationId);
        }
        actor.requireServes(org.path, "organization " + org.name);
        return org.path;
    }

    public NeedOverview overview(String organizationId, PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        long id = GlobalId.decode(Organization.TYPE, organizationId, "organizationId");
        List<Organization> found = organizations.byIds(List.of(id));
        if (found.isEmpty()) {
            throw DomainException.notFound("Organization", organizationId);
        }
        Organization node = found.get(0);
        actor.requireServes(node.path(), "organization " + node.name());
        OrganizationConnection children = organizations.children(List.of(node), page, false).get(0);
        List<Long> ids = new ArrayList<>();
        ids.add(node.dbId());
        children.edges().forEach(e -> ids.add(e.node().dbId()));
        Map<Long, NeedCounts> counts = queries.countsBySubtree(ids);
        List<NeedOrgCountsEdge> edges = children.edges().stream()
                .map(e -> new NeedOrgCountsEdge(e.cursor(), new NeedOrgCounts(e.node(), counts.get(e.node().dbId())))).toList();
        return new NeedOverview(node, counts.get(node.dbId()),
                new NeedOrgCountsConnection(edges, children.pageInfo(), children.totalCount()));
    }
}
