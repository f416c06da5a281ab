package org.gongzhi.member;

import static org.gongzhi.platform.persistence.Rows.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.gongzhi.member.MemberViews.Building;
import org.gongzhi.member.MemberViews.Household;
import org.gongzhi.member.MemberViews.MemberConnection;
import org.gongzhi.member.MemberViews.Membership;
import org.gongzhi.member.MemberViews.PartyProfile;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationRows;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.Times;

/** Batched reads of the member graph: a fixed number of statements per call, whatever the list sizes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MemberQueries {

    /** Member columns; the last one is the path that decides who may see the member (grid, else community). */
    static final String MEMBER_COLUMNS = "m.id, m.name, m.gender, m.birth_date, m.created_at, m.household_id, m.community_id, "
            + "m.tenant_id, coalesce(g.path, c.path), array_to_string(m.special_tags, ',')";
    static final int MEMBER_WIDTH = 10;
    static final String MEMBER_FROM = " member m left join household h on h.id = m.household_id"
            + " left join organization g on g.id = h.grid_id left join organization c on c.id = m.community_id ";
    static final String HOUSEHOLD_COLUMNS = "h.id, h.door_number, h.floor_area_sqm, h.building_id, h.grid_id, h.community_id, hg.path";
    static final String BUILDING_COLUMNS = "b.id, b.name, b.grid_id, b.compound_id, b.community_id, bg.path";

    private final EntityManager em;
    private final BusinessCalendar calendar;

    MemberQueries(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    static Member member(Object[] r, int o) {
        long id = lng(r[o]);
        var birth = date(r[o + 3]);
        String tags = str(r[o + 9]);
        return new Member(GlobalId.encode(Member.TYPE, id), str(r[o + 1]), enumOf(Gender.class, r[o + 2]),
                birth == null ? null : birth.getYear(), Times.local(instant(r[o + 4])), id, lng(r[o + 5]), lng(r[o + 6]),
                lng(r[o + 7]), str(r[o + 8]), tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")));
    }

    static Organization org(Object[] r, int o) {
        return OrganizationRows.map(r, o);
    }

    static Household household(Object[] r, int o) {
        long id = lng(r[o]);
        return new Household(GlobalId.encode(Household.TYPE, id), str(r[o + 1]), decimal(r[o + 2]), id, lng(r[o + 3]),
                lng(r[o + 4]), lng(r[o + 5]), str(r[o + 6]));
    }

    static Building building(Object[] r, int o) {
        long id = lng(r[o]);
        return new Building(GlobalId.encode(Building.TYPE, id), str(r[o + 1]), id, lng(r[o + 2]), lng(r[o + 3]),
                lng(r[o + 4]), str(r[o + 5]));
    }

    public List<Member> membersByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Member> out = new ArrayList<>();
        for (Object[] r : list("select " + MEMBER_COLUMNS + " from" + MEMBER_FROM + "where m.id in (:ids)", Map.of("ids", ids))) {
            out.add(member(r, 0));
        }
        return out;
    }

    public Member memberById(long id) {
        List<Member> found = membersByIds(List.of(id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** A page of members with an active membership (optionally of one role) for every source organization. */
    public List<MemberConnection> membersOf(List<Organization> orgs, MembershipRole role, PageRequest page) {
        List<Long> ids = orgs.stream().map(Organization::dbId).toList();
        String roleFilter = role == null ? "" : " and ms.role = :role";
        Long after = page.afterId();
        LocalDate today = calendar.today();
        Map<String, Object> params = new HashMap<>(Map.of("ids", ids, "after", after == null ? 0L : after, "n", page.fetchSize(), "today", today));
        if (role != null) {
            params.put("role", role.name());
        }
        List<Object[]> raw = list("""
                select s.id, %s from organization s cross join lateral (
                    select distinct ms.member_id from membership ms
                    where ms.organization_id = s.id and (ms.ended_on is null or ms.ended_on > :today) %s
                      and ms.member_id > :after order by ms.member_id limit :n
                ) x join %s on m.id = x.member_id where s.id in (:ids) order by s.id, m.id
                """.formatted(MEMBER_COLUMNS, roleFilter, MEMBER_FROM), params);
        Map<String, Object> countParams = new HashMap<>(Map.of("ids", ids, "today", today));
        if (role != null) {
            countParams.put("role", role.name());
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : list("select ms.organization_id, count(distinct ms.member_id) from membership ms where ms.organization_id in (:ids)"
                + " and (ms.ended_on is null or ms.ended_on > :today)" + roleFilter + " group by ms.organization_id", countParams)) {
            counts.put(lng(r[0]), lng(r[1]));
        }
        Map<Long, List<Member>> grouped = new HashMap<>();
        for (Object[] r : raw) {
            grouped.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(member(r, 1));
        }
        List<MemberConnection> out = new ArrayList<>();
        for (Long id : ids) {
            out.add(MemberConnection.of(Slice.of(grouped.getOrDefault(id, List.of()), page, counts.getOrDefault(id, 0L))));
        }
        return out;
    }

    /** Members living or registered under a subtree, filtered; one page. */
    public MemberConnection search(String underPath, String nameContains, SpecialGroupTag tag, PageRequest page) {
        StringBuilder where = new StringBuilder(" where (g.path like :under or (m.household_id is null and c.path like :under))");
        Map<String, Object> params = new HashMap<>(Map.of("under", underPath + "%"));
        if (nameContains != null) {
            where.append(" and m.name ilike :name");
            params.put("name", "%" + nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (tag != null) {
            where.append(" and m.special_tags @> array[cast(:tag as text)]");
            params.put("tag", tag.name());
        }
        long total = ((Number) query("select count(*) from" + MEMBER_FROM + where, params).getSingleResult()).longValue();
        Long after = page.afterId();
        params.put("after", after == null ? 0L : after);
        params.put("n", page.fetchSize());
        List<Member> fetched = new ArrayList<>();
        for (Object[] r : list("select " + MEMBER_COLUMNS + " from" + MEMBER_FROM + where + " and m.id > :after order by m.id limit :n", params)) {
            fetched.add(member(r, 0));
        }
        return MemberConnection.of(Slice.of(fetched, page, total));
    }

    public List<Household> householdsByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Household> out = new ArrayList<>();
        for (Object[] r : list("select " + HOUSEHOLD_COLUMNS + " from household h join organization hg on hg.id = h.grid_id where h.id in (:ids)",
                Map.of("ids", ids))) {
            out.add(household(r, 0));
        }
        return out;
    }

    public List<Building> buildingsByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Building> out = new ArrayList<>();
        for (Object[] r : list("select " + BUILDING_COLUMNS + " from building b join organization bg on bg.id = b.grid_id where b.id in (:ids)",
                Map.of("ids", ids))) {
            out.add(building(r, 0));
        }
        return out;
    }

    public Map<Long, List<Household>> householdsOfBuildings(List<Long> buildingIds) {
        Map<Long, List<Household>> out = new HashMap<>();
        if (buildingIds.isEmpty()) {
            return out;
        }
        for (Object[] r : list("select " + HOUSEHOLD_COLUMNS + " from household h join organization hg on hg.id = h.grid_id"
                + " where h.building_id in (:ids) order by h.id", Map.of("ids", buildingIds))) {
            Household h = household(r, 0);
            out.computeIfAbsent(h.buildingDbId(), k -> new ArrayList<>()).add(h);
        }
        return out;
    }

    public Map<Long, List<Building>> buildingsOfGrids(List<Long> gridIds) {
        Map<Long, List<Building>> out = new HashMap<>();
        if (gridIds.isEmpty()) {
            return out;
        }
        for (Object[] r : list("select " + BUILDING_COLUMNS + " from building b join organization bg on bg.id = b.grid_id"
                + " where b.grid_id in (:ids) order by b.id", Map.of("ids", gridIds))) {
            Building b = building(r, 0);
            out.computeIfAbsent(b.gridDbId(), k -> new ArrayList<>()).add(b);
        }
        return out;
    }

    public Map<Long, List<Member>> membersOfHouseholds(List<Long> householdIds) {
        Map<Long, List<Member>> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        for (Object[] r : list("select " + MEMBER_COLUMNS + " from" + MEMBER_FROM + "where m.household_id in (:ids) order by m.id",
                Map.of("ids", householdIds))) {
            Member m = member(r, 0);
            out.computeIfAbsent(m.householdDbId(), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    public Map<Long, List<Membership>> membershipsOf(List<Long> memberIds, boolean activeOnly) {
        Map<Long, List<Membership>> out = new HashMap<>();
        if (memberIds.isEmpty()) {
            return out;
        }
        LocalDate today = calendar.today();
        String active = activeOnly ? " and (ms.ended_on is null or ms.ended_on > :today)" : "";
        for (Object[] r : list("select ms.id, ms.role, ms.started_on, ms.ended_on, ms.member_id, " + OrganizationRows.columns("o")
                + " from membership ms join organization o on o.id = ms.organization_id where ms.member_id in (:ids)" + active
                + " order by ms.id", activeOnly ? Map.of("ids", memberIds, "today", today) : Map.of("ids", memberIds))) {
            long id = lng(r[0]);
            var ended = date(r[3]);
            out.computeIfAbsent(lng(r[4]), k -> new ArrayList<>()).add(new Membership(GlobalId.encode(Membership.TYPE, id),
                    enumOf(MembershipRole.class, r[1]), org(r, 5), date(r[2]), ended,
                    ended == null || ended.isAfter(today), lng(r[4])));
        }
        return out;
    }

    public Map<Long, PartyProfile> partyProfilesOf(List<Long> memberIds) {
        Map<Long, PartyProfile> out = new HashMap<>();
        if (memberIds.isEmpty()) {
            return out;
        }
        for (Object[] r : list("select p.member_id, p.joined_on, p.standing, p.in_service, p.workplace, p.floating, "
                + OrganizationRows.columns("hb") + ", " + OrganizationRows.columns("rc")
                + " from party_profile p left join organization hb on hb.id = p.home_branch_id"
                + " left join organization rc on rc.id = p.registered_community_id where p.member_id in (:ids)",
                Map.of("ids", memberIds))) {
            out.put(lng(r[0]), new PartyProfile(date(r[1]), enumOf(PartyStanding.class, r[2]), org(r, 6), org(r, 16),
                    bool(r[3]), str(r[4]), bool(r[5]), lng(r[0])));
        }
        return out;
    }

    /** Contact columns of members: phone, id number, address. */
    public Map<Long, String[]> contactsOf(List<Long> memberIds) {
        Map<Long, String[]> out = new HashMap<>();
        if (memberIds.isEmpty()) {
            return out;
        }
        for (Object[] r : list("select m.id, m.phone, m.id_number, m.address from member m where m.id in (:ids)", Map.of("ids", memberIds))) {
            out.put(lng(r[0]), new String[] { str(r[1]), str(r[2]), str(r[3]) });
        }
        return out;
    }

    public Map<Long, List<Household>> responsibilityHouseholdsOf(List<Long> memberIds) {
        Map<Long, List<Household>> out = new HashMap<>();
        if (memberIds.isEmpty()) {
            return out;
        }
        for (Object[] r : list("select rl.party_member_id, " + HOUSEHOLD_COLUMNS + " from responsibility_link rl"
                + " join household h on h.id = rl.household_id join organization hg on hg.id = h.grid_id"
                + " where rl.party_member_id in (:ids) order by h.id", Map.of("ids", memberIds))) {
            out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(household(r, 1));
        }
        return out;
    }

    public Map<Long, List<Object[]>> identitiesOf(List<Long> memberIds) {
        Map<Long, List<Object[]>> out = new HashMap<>();
        if (memberIds.isEmpty()) {
            return out;
        }
        for (Object[] r : list("select member_id, kind, value, bound_at from external_identity where member_id in (:ids) order by id",
                Map.of("ids", memberIds))) {
            out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<Object[]> list(String sql, Map<String, Object> params) {
        return query(sql, params).getResultList();
    }

    private Query query(String sql, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q;
    }
}
