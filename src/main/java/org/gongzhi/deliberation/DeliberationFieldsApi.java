package org.gongzhi.deliberation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.gongzhi.deliberation.BudgetService.Budget;
import org.gongzhi.deliberation.BudgetService.Selection;
import org.gongzhi.deliberation.DeliberationViews.*;
import org.gongzhi.deliberation.VoteService.MyBallot;
import org.gongzhi.member.Member;
import org.gongzhi.member.MemberQueries;
import org.gongzhi.need.Need;
import org.gongzhi.need.NeedQueries;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.resource.Resource;
import org.gongzhi.resource.ResourceQueries;

import io.quarkus.security.Authenticated;

/**
 * The nested fields of deliberations, each a batched {@code @Source List<…>} resolver issuing a fixed number
 * of statements per level, whatever the number of deliberations in the list (no N+1).
 */
@GraphQLApi
@Authenticated
public class DeliberationFieldsApi {

    static final int TIMELINE_LIMIT = 200;

    private final DeliberationQueries queries;
    private final VoteService votes;
    private final MemberQueries members;
    private final OrganizationQueries organizations;
    private final NeedQueries needs;
    private final ResourceQueries resourcePool;
    private final CurrentActor currentActor;
    private final GraphQLLimits limits;

    DeliberationFieldsApi(DeliberationQueries queries, VoteService votes, MemberQueries members, OrganizationQueries organizations,
            NeedQueries needs, ResourceQueries resourcePool, CurrentActor currentActor, GraphQLLimits limits) {
        this.resourcePool = resourcePool;
        this.queries = queries;
        this.votes = votes;
        this.members = members;
        this.organizations = organizations;
        this.needs = needs;
        this.currentActor = currentActor;
        this.limits = limits;
    }

    // ------------------------------------------------------------------ Deliberation

    @Description("议事范围组织 (scope organization)")
    public List<@NonNull Organization> scope(@Source List<Deliberation> ds) {
        return byKey(ds, Deliberation::scopeOrgId, organizations::byIds, Organization::dbId);
    }

    @Description("提议人 (proposer)")
    public List<@NonNull Member> proposer(@Source List<Deliberation> ds) {
        return byKey(ds, Deliberation::proposerMemberId, members::membersByIds, Member::dbId);
    }

    @Description("联席会议参加组织 (participating organizations of a joint meeting)")
    public List<@NonNull List<@NonNull Organization>> participatingOrganizations(@Source List<Deliberation> ds) {
        return many(ds, queries.linked("org", null, ids(ds)), organizations::byIds, Organization::dbId);
    }

    @Description("关联的公共事务需求 (linked public needs)")
    public List<@NonNull List<@NonNull Need>> linkedNeeds(@Source List<Deliberation> ds) {
        return many(ds, queries.linked("need", null, ids(ds)), needs::byIds, Need::dbId);
    }

    @Description("由哪一议事转介而来 (the deliberation this one was referred from)")
    public List<Deliberation> referredFrom(@Source List<Deliberation> ds) {
        return byKey(ds, Deliberation::referredFromId, queries::byIds, Deliberation::dbId);
    }

    @Description("转介生成的议事 (deliberations referred on from this one)")
    public List<@NonNull List<@NonNull Deliberation>> referrals(@Source List<Deliberation> ds) {
        return many(ds, queries.linked("referral", null, ids(ds)), queries::byIds, Deliberation::dbId);
    }

    @Description("当前意见（隐藏的仅管理员可见）(current opinions; hidden ones only for moderators)")
    public List<@NonNull OpinionConnection> opinions(@Source List<Deliberation> ds, @Name("first") Integer first,
            @Name("after") String after) {
        Actor actor = currentActor.get();
        List<Long> moderated = ds.stream().filter(d -> actor.administers(d.scopePath())).map(Deliberation::dbId).toList();
        return queries.opinions(ids(ds), moderated, PageRequest.of(first, after, limits));
    }

    @Description("表决（开始表决后）(the vote, once opened)")
    public List<Vote> vote(@Source List<Deliberation> ds) {
        Map<Long, Vote> byDeliberation = queries.votesOf(ids(ds));
        return ds.stream().map(d -> byDeliberation.get(d.dbId())).toList();
    }

    @Description("四议两公开的四个步骤（其他类型为空）(the four steps; empty for other kinds)")
    public List<@NonNull List<@NonNull Step>> fourSteps(@Source List<Deliberation> ds) {
        Map<Long, List<Step>> steps = queries.steps(ids(ds));
        return ds.stream().map(d -> steps.getOrDefault(d.dbId(), List.of())).toList();
    }

    @Description("两公开：决议公开与实施结果公开 (the publicities)")
    public List<@NonNull List<@NonNull Publicity>> publicities(@Source List<Deliberation> ds) {
        Map<Long, List<Publicity>> ps = queries.publicities(ids(ds));
        return ds.stream().map(d -> ps.getOrDefault(d.dbId(), List.of())).toList();
    }

    @Description("督办任务，按截止时间 (implementation tasks, by due time)")
    public List<@NonNull List<@NonNull Task>> tasks(@Source List<Deliberation> ds) {
        Map<Long, List<Task>> ts = queries.tasks(ids(ds));
        return ds.stream().map(d -> ts.getOrDefault(d.dbId(), List.of())).toList();
    }

    @Description("本议事的决议执行率 (execution rate of this resolution's tasks)")
    public List<@NonNull ExecutionRate> executionRate(@Source List<Deliberation> ds) {
        Map<Long, ExecutionRate> rates = queries.executionRates(ids(ds));
        return ds.stream().map(d -> rates.getOrDefault(d.dbId(), DeliberationQueries.rate(0, 0, 0))).toList();
    }

    @Description("微实事预算（其他类型为空）(the participatory budget; null for other kinds)")
    public List<Budget> budget(@Source List<Deliberation> ds) {
        Map<Long, Budget> budgets = queries.budgets(ids(ds));
        return ds.stream().map(d -> budgets.get(d.dbId())).toList();
    }

    @Description("按当前得票计算的入选项目（微实事）(the projects selected within the budget by the approvals so far)")
    public List<Selection> budgetSelection(@Source List<Deliberation> ds) {
        Map<Long, Budget> budgets = queries.budgets(ids(ds));
        Map<Long, Vote> byDeliberation = budgets.isEmpty() ? Map.of() : queries.votesOf(List.copyOf(budgets.keySet()));
        Map<Long, Tally> tallies = byDeliberation.isEmpty() ? Map.of()
                : queries.tallies(byDeliberation.values().stream().map(Vote::dbId).toList());
        return ds.stream().map(d -> {
            Budget b = budgets.get(d.dbId());
            Vote v = byDeliberation.get(d.dbId());
            return b == null ? null : BudgetService.select(b, v == null ? null : tallies.get(v.dbId()));
        }).toList();
    }

    @Description("时间线（最早的200条）(timeline, oldest first, at most 200 events)")
    public List<@NonNull List<@NonNull Event>> timeline(@Source List<Deliberation> ds) {
        Map<Long, List<Event>> events = queries.timelines(ids(ds), TIMELINE_LIMIT);
        return ds.stream().map(d -> events.getOrDefault(d.dbId(), List.of())).toList();
    }

    @Description("我现在可执行的阶段动作 (stage steps the caller may perform now)")
    public List<@NonNull List<@NonNull DeliberationAction>> availableActions(@Source List<Deliberation> ds) {
        Actor actor = currentActor.get();
        List<List<DeliberationAction>> out = new ArrayList<>();
        for (Deliberation d : ds) {
            DeliberationEntity probe = new DeliberationEntity();
            probe.tenantId = d.tenantId();
            probe.communityId = d.communityId();
            probe.scopePath = d.scopePath();
            probe.proposerMemberId = d.proposerMemberId();
            Set<DeliberationAction> actions = EnumSet.noneOf(DeliberationAction.class);
            for (DeliberationTransitions.Transition t : DeliberationTransitions.TABLE) {
                if (t.from().contains(d.stage()) && t.performers().stream().anyMatch(p -> DeliberationAccess.may(actor, probe, p))) {
                    actions.add(t.action());
                }
            }
            out.add(List.copyOf(actions));
        }
        return out;
    }

    // ------------------------------------------------------------------ nested types

    @Description("计票：由数据库从选票统计 (tally computed from the ballots)")
    public List<@NonNull Tally> tally(@Source List<Vote> vs) {
        Map<Long, Tally> tallies = queries.tallies(vs.stream().map(Vote::dbId).toList());
        return vs.stream().map(v -> tallies.get(v.dbId())).toList();
    }

    @Description("我的选票；不在名册中为空 (the caller's ballot; null when not on the roll)")
    public List<MyBallot> myBallot(@Source List<Vote> vs) {
        Map<Long, MyBallot> mine = votes.myBallots(currentActor.get(), vs);
        return vs.stream().map(v -> mine.get(v.dbId())).toList();
    }

    @Description("记名选票及改投历史（仅范围内管理员；无记名表决为空）(open ballots, with history on request; administrators of the scope only, empty for secret votes)")
    public List<BallotConnection> ballots(@Source List<Vote> vs, @Name("includeHistory") Boolean includeHistory,
            @Name("first") Integer first, @Name("after") String after) {
        Actor actor = currentActor.get();
        PageRequest page = PageRequest.of(first, after, limits);
        List<Vote> allowed = vs.stream().filter(v -> !v.secret() && actor.administers(v.scopePath())).toList();
        Map<Long, BallotConnection> byVote = new HashMap<>();
        if (!allowed.isEmpty()) {
            List<Long> ids = allowed.stream().map(Vote::dbId).toList();
            List<BallotConnection> pages = queries.ballots(ids, Boolean.TRUE.equals(includeHistory), page);
            for (int i = 0; i < ids.size(); i++) {
                byVote.put(ids.get(i), pages.get(i));
            }
        }
        return vs.stream().map(v -> byVote.get(v.dbId())).toList();
    }

    @Description("投票人 (voter)")
    public List<@NonNull Member> voter(@Source List<Ballot> bs) {
        return byKey(bs, Ballot::voterMemberId, members::membersByIds, Member::dbId);
    }

    @Description("代投的网格员 (the grid worker who cast it as proxy)")
    public List<Member> proxy(@Source List<Ballot> bs) {
        return byKey(bs, Ballot::proxyMemberId, members::membersByIds, Member::dbId);
    }

    @Description("异议及答复 (objections and answers)")
    public List<@NonNull List<@NonNull Objection>> objections(@Source List<Publicity> ps) {
        Map<Long, List<Objection>> os = queries.objections(ps.stream().map(Publicity::dbId).toList(), currentActor.get().memberId());
        return ps.stream().map(p -> os.getOrDefault(p.dbId(), List.of())).toList();
    }

    @Description("意见发表人 (author)")
    public List<@NonNull Member> author(@Source List<Opinion> os) {
        return byKey(os, Opinion::memberId, members::membersByIds, Member::dbId);
    }

    @Description("责任组织 (owner organization)")
    public List<Organization> ownerOrganization(@Source List<Task> ts) {
        return byKey(ts, Task::ownerOrgId, organizations::byIds, Organization::dbId);
    }

    @Description("责任人 (owner member)")
    public List<Member> ownerMember(@Source List<Task> ts) {
        return byKey(ts, Task::ownerMemberId, members::membersByIds, Member::dbId);
    }

    @Description("关联资源（资源池）(linked resources of the pool)")
    public List<@NonNull List<@NonNull Resource>> resources(@Source List<Task> ts) {
        List<Long> all = ts.stream().flatMap(t -> t.resourceDbIds().stream()).distinct().toList();
        Map<Long, Resource> byId = new HashMap<>();
        if (!all.isEmpty()) {
            for (Resource r : resourcePool.byIds(all)) {
                byId.put(r.dbId(), r);
            }
        }
        return ts.stream().map(t -> t.resourceDbIds().stream().map(byId::get).filter(Objects::nonNull).toList()).toList();
    }

    @Description("承担本步骤的组织 (the organization whose body holds this step)")
    public List<Organization> body(@Source List<Step> ss) {
        return byKey(ss, Step::bodyOrgId, organizations::byIds, Organization::dbId);
    }

    // ------------------------------------------------------------------ helpers

    private static List<Long> ids(List<Deliberation> ds) {
        return ds.stream().map(Deliberation::dbId).toList();
    }

    /** One batched load for a to-one key of each source. */
    private static <S, T> List<T> byKey(List<S> sources, Function<S, Long> key, Function<List<Long>, List<T>> load,
            Function<T, Long> id) {
        List<Long> keys = sources.stream().map(key).filter(Objects::nonNull).distinct().toList();
        Map<Long, T> byId = new HashMap<>();
        if (!keys.isEmpty()) {
            for (T t : load.apply(keys)) {
                byId.put(id.apply(t), t);
            }
        }
        return sources.stream().map(s -> key.apply(s) == null ? null : byId.get(key.apply(s))).toList();
    }

    /** One batched load for the to-many links of each deliberation. */
    private static <T> List<List<T>> many(List<Deliberation> ds, Map<Long, List<Long>> links, Function<List<Long>, List<T>> load,
            Function<T, Long> id) {
        List<Long> all = links.values().stream().flatMap(List::stream).distinct().toList();
        Map<Long, T> byId = new HashMap<>();
        if (!all.isEmpty()) {
            for (T t : load.apply(all)) {
                byId.put(id.apply(t), t);
            }
        }
        List<List<T>> out = new ArrayList<>();
        for (Deliberation d : ds) {
            out.add(links.getOrDefault(d.dbId(), List.of()).stream().map(byId::get).filter(Objects::nonNull).toList());
        }
        return out;
    }
}
