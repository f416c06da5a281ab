package org.gongzhi.member;

import static org.gongzhi.member.DemoStreetWriter.date;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.gongzhi.member.DemoStreetWriter.Building;
import org.gongzhi.member.DemoStreetWriter.Household;
import org.gongzhi.member.DemoStreetWriter.Link;
import org.gongzhi.member.DemoStreetWriter.Org;
import org.gongzhi.member.DemoStreetWriter.Person;
import org.gongzhi.platform.demo.DemoContext;
import org.gongzhi.platform.demo.DemoDataContributor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.hibernate.Session;

/**
 * The demo street 青石街道 (order 100): the organization tree and the member graph every later demo
 * contributor builds on. Same street on every load (seeded random); written by batched SQL in well under
 * a second.
 *
 * <p>What it writes: 青石街道党工委 (STREET_COMMITTEE) with 4 DEPARTMENTs, a PARTY_ALLIANCE, 3
 * CO_BUILDING_UNITs (one at the street, one in each of the first two communities) and 2
 * SOCIAL_ORGANIZATIONs; 3 COMMUNITY_COMMITTEEs (桂花, 枫林, 梧桐社区党委), each with its three parties
 * (RESIDENTS_COMMITTEE, OWNERS_COMMITTEE, PROPERTY_COMPANY), a VOLUNTEER_TEAM and 2 GRIDs (6 grids);
 * 3 COMPOUND_BRANCHes, 18 BUILDING_GROUPs, 6 CENTER_HOUSEHOLDs; 30 buildings, 300 households (grids of
 * 60/40/60/40/50/50), 600 residents with synthetic contact data and special-group tags, 60 party
 * members with party profiles (in-service and dual-registered 双报到, floating 流动党员, probationary),
 * responsibility links of 5–10 households, volunteers, building leaders, residents' representatives,
 * and 13 staff members (street and community administrators, grid workers, social workers).
 *
 * <p>Personas (external identity OIDC_SUBJECT): {@code demo-street-admin} (ADMINISTRATOR of the street),
 * {@code demo-community-admin} (ADMINISTRATOR of 桂花社区), {@code demo-grid-worker} (GRID_WORKER of its
 * first grid), {@code demo-party-member} (in-service, dual-registered, 6 responsibility households,
 * also VOLUNTEER), {@code demo-resident} (household in the first grid, phone/ID/address, VETERAN tag;
 * also WECHAT_OPENID {@code o-demo-resident-openid}), {@code demo-volunteer} (VOLUNTEER of 桂花社区's team).
 *
 * <p>Ids published in {@link DemoContext} (organization and member ids are database ids):
 * <ul>
 * <li>{@code street}; {@code community.1..3}; {@code grid.1..6} (grids 1–2 in community 1, 3–4 in 2, 5–6 in 3);
 * {@code residentsCommittee.N}, {@code ownersCommittee.N}, {@code propertyCompany.N}, {@code volunteerTeam.N}
 * for community N; {@code coBuildingUnit.1..3}; {@code socialOrganization.1..2}</li>
 * <li>lists {@code communities}, {@code grids}, {@code compoundBranches}, {@code buildingGroups},
 * {@code centerHouseholds}, {@code departments}, {@code coBuildingUnits}, {@code socialOrganizations},
 * {@code volunteerTeams}, {@code buildings}, {@code households}, {@code residents} (600 member ids),
 * {@code partyMembers} (60), {@code volunteers}, {@code gridWorkers}, {@code elderly} (residents aged 70+)</li>
 * <li>{@code member.demo-street-admin}, {@code member.demo-community-admin}, {@code member.demo-grid-worker},
 * {@code member.demo-party-member}, {@code member.demo-resident}, {@code member.demo-volunteer};
 * {@code household.demo-resident}</li>
 * </ul>
 * Contributors on other branches should still find rows by SQL (kinds, roles, identities), not by these names.
 */
@ApplicationScoped
public class StreetDemoData implements DemoDataContributor {

    public static final List<String> PERSONAS = List.of("demo-street-admin", "demo-community-admin", "demo-grid-worker",
            "demo-party-member", "demo-resident", "demo-volunteer");
    public static final String DEMO_RESIDENT_OPENID = "o-demo-resident-openid";

    private final BusinessCalendar calendar;

    StreetDemoData(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void contribute(DemoContext context) {
        context.em().unwrap(Session.class).doWork(connection -> new Plan(connection, context, calendar).write());
    }

    /** The street, built in dependency order. */
    private static final class Plan extends DemoStreetWriter {

        private final List<Person> staff = new ArrayList<>();
        private final List<Person> partyMembers = new ArrayList<>();
        private final Set<Person> volunteers = new java.util.LinkedHashSet<>();
        private Person demoPartyMember;
        private Person demoResident;
        private Person demoVolunteer;

        Plan(Connection c, DemoContext ctx, BusinessCalendar calendar) {
            super(c, ctx, calendar);
        }

        void write() throws SQLException {
            organizations();
            places();
            residents();
            staff();
            insertMembers();
            partyMembers();
            roles();
            centerHouseholds();
            insertMemberships();
            identities();
            publish();
        }

        // -------------------------------------------------------------- the tree

        private void organizations() throws SQLException {
            street = org(null, "STREET_COMMITTEE", "青石街道党工委");
            List<Long> departments = new ArrayList<>();
            for (String d : List.of("党建工作办公室", "社区建设办公室", "平安建设办公室", "民政和社会保障科")) {
                departments.add(org(street, "DEPARTMENT", "青石街道" + d).id());
            }
            ctx.putList("departments", departments);
            org(street, "PARTY_ALLIANCE", "青石街道区域化党建联盟");
            coBuildingUnits.add(org(street, "CO_BUILDING_UNIT", "示例市税务局青石税务所党支部"));
            Org streetSocial = org(street, "SOCIAL_ORGANIZATION", "青石社会工作服务中心");
            for (int n = 0; n < COMMUNITIES.length; n++) {
                String name = COMMUNITIES[n];
                Org community = org(street, "COMMUNITY_COMMITTEE", name + "社区党委");
                communities.add(community);
                residentsCommittees.add(org(community, "RESIDENTS_COMMITTEE", name + "社区居民委员会"));
                ctx.put("ownersCommittee." + (n + 1), org(community, "OWNERS_COMMITTEE", name + "社区业主委员会").id());
                ctx.put("propertyCompany." + (n + 1), org(community, "PROPERTY_COMPANY", "示例" + name + "物业服务有限公司").id());
                volunteerTeams.add(org(community, "VOLUNTEER_TEAM", name + "社区红色志愿服务队"));
                for (int g = 0; g < 2; g++) {
                    Org grid = org(community, "GRID", name + "社区" + GRID_ORDINALS[g] + "网格党支部");
                    int gridIndex = grids.size();
                    grids.add(grid);
                    String compound = COMPOUNDS.get(gridIndex);
                    if (compound != null) {
                        compoundBranches.put(gridIndex, org(grid, "COMPOUND_BRANCH", compound + "小区党支部"));
                    }
                }
            }
            coBuildingUnits.add(org(communities.get(0), "CO_BUILDING_UNIT", "青石第一小学党支部"));
            coBuildingUnits.add(org(communities.get(1), "CO_BUILDING_UNIT", "示例市人民医院青石分院党支部"));
            List<Org> socials = List.of(streetSocial, org(communities.get(0), "SOCIAL_ORGANIZATION", "桂花邻里互助会"));
            for (int i = 0; i < socials.size(); i++) {
                ctx.put("socialOrganization." + (i + 1), socials.get(i).id());
            }
            ctx.putList("socialOrganizations", socials.stream().map(Org::id).toList());
        }

        // -------------------------------------------------------------- buildings and households

        private void places() throws SQLException {
            int total = 0;
            for (int n : BUILDINGS_PER_GRID) {
                total += n;
            }
            long[] buildingIds = ids("building", total);
            for (int g = 0; g < grids.size(); g++) {
                String compound = COMPOUNDS.get(g);
                for (int b = 1; b <= BUILDINGS_PER_GRID[g]; b++) {
                    boolean inCompound = compound != null && b <= 4;
                    String place = inCompound ? compound : ROADS[g];
                    Building building = new Building(buildingIds[buildings.size()], g,
                            inCompound ? compoundBranches.get(g).id() : null, place + b + "号楼", place);
                    buildings.add(building);
                    if (inCompound) {
                        buildingGroups.put(buildings.size() - 1, org(compoundBranches.get(g), "BUILDING_GROUP", building.name() + "党小组"));
                    } else if (compound == null && b <= 2) {
                        buildingGroups.put(buildings.size() - 1, org(grids.get(g), "BUILDING_GROUP", building.name() + "党小组"));
                    }
                }
            }
            batch("insert into building (id, tenant_id, grid_id, compound_id, community_id, name, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                    buildings, (ps, b) -> {
                        ps.setLong(1, b.id());
                        ps.setLong(2, street.id());
                        ps.setLong(3, grids.get(b.grid()).id());
                        ps.setObject(4, b.compound());
                        ps.setLong(5, grids.get(b.grid()).communityId());
                        ps.setString(6, b.name());
                        ps.setObject(7, now);
                    });
            long[] householdIds = ids("household", total * 10);
            for (int b = 0; b < buildings.size(); b++) {
                for (int floor = 1; floor <= 5; floor++) {
                    for (int unit = 1; unit <= 2; unit++) {
                        households.add(new Household(householdIds[households.size()], b, buildings.get(b).grid(),
                                "1单元" + floor + "0" + unit));
                    }
                }
            }
            batch("""
                    insert into household (id, tenant_id, building_id, grid_id, community_id, door_number, floor_area_sqm, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """, households, (ps, h) -> {
                ps.setLong(1, h.id());
                ps.setLong(2, street.id());
                ps.setLong(3, buildings.get(h.building()).id());
                ps.setLong(4, grids.get(h.grid()).id());
                ps.setLong(5, grids.get(h.grid()).communityId());
                ps.setString(6, h.door());
                ps.setBigDecimal(7, java.math.BigDecimal.valueOf(5500 + random.nextInt(7500), 2));
                ps.setObject(8, now);
            });
        }

        // -------------------------------------------------------------- 600 residents

        /** Household shapes; counts give 300 households and 600 residents. */
        private enum Shape {
            ELDER_ALONE(45), SINGLE(55), ELDER_COUPLE(50), COUPLE(70), FAMILY3(45), LEFT_BEHIND(15), FAMILY4(20);

            final int households;

            Shape(int households) {
                this.households = households;
            }
        }

        private void residents() {
            List<Shape> shapes = new ArrayList<>();
            for (Shape s : Shape.values()) {
                for (int i = 0; i < s.households; i++) {
                    shapes.add(s);
                }
            }
            shapes = shuffled(shapes);
            // The personas live in the first grid: give its first households shapes with adults of working age.
            shapes.set(0, Shape.FAMILY3);
            shapes.set(1, Shape.FAMILY4);
            shapes.set(2, Shape.COUPLE);
            rebalance(shapes);
            for (int h = 0; h < households.size(); h++) {
                fill(h, shapes.get(h));
            }
            demoResident = residents.stream().filter(p -> p.household == 0 && p.gender == Gender.MALE && p.age(today) >= 30).findFirst().orElseThrow();
            if (!demoResident.tags.contains("VETERAN")) {
                demoResident.tags.add("VETERAN");
            }
            demoPartyMember = residents.stream().filter(p -> p.household == 1 && p.age(today) >= 30 && p.age(today) <= 55).findFirst().orElseThrow();
            demoVolunteer = residents.stream().filter(p -> p.household == 2 && p.age(today) >= 22).findFirst().orElseThrow();
        }

        /** Keeps the shape counts exact after the persona households were forced. */
        private void rebalance(List<Shape> shapes) {
            for (Shape s : Shape.values()) {
                long surplus = shapes.stream().filter(x -> x == s).count() - s.households;
                for (int i = shapes.size() - 1; surplus > 0 && i >= 3; i--) {
                    if (shapes.get(i) == s) {
                        Shape missing = null;
                        for (Shape m : Shape.values()) {
                            if (shapes.stream().filter(x -> x == m).count() < m.households) {
                                missing = m;
                                break;
                            }
                        }
                        shapes.set(i, missing);
                        surplus--;
                    }
                }
            }
        }

        private void fill(int h, Shape shape) {
            String surname = people.surname();
            switch (shape) {
                case ELDER_ALONE -> {
                    Person p = person(h, surname, random.nextInt(3) == 0 ? Gender.MALE : Gender.FEMALE, 70, 92);
                    p.tags.add("ELDERLY_LIVING_ALONE");
                }
                case SINGLE -> person(h, surname, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, 22, 45);
                case ELDER_COUPLE -> {
                    Person a = person(h, surname, Gender.MALE, 62, 86);
                    Person b = person(h, people.surname(), Gender.FEMALE, 60, 84);
                    if (random.nextInt(3) == 0) {
                        a.tags.add("EMPTY_NEST_ELDERLY");
                        b.tags.add("EMPTY_NEST_ELDERLY");
                    }
                }
                case COUPLE -> {
                    person(h, surname, Gender.MALE, 26, 60);
                    person(h, people.surname(), Gender.FEMALE, 25, 58);
                }
                case FAMILY3 -> {
                    person(h, surname, Gender.MALE, 32, 50);
                    person(h, people.surname(), Gender.FEMALE, 30, 48);
                    person(h, surname, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, 1, 20);
                }
                case LEFT_BEHIND -> {
                    person(h, surname, Gender.MALE, 58, 75);
                    person(h, people.surname(), Gender.FEMALE, 56, 73);
                    person(h, surname, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, 5, 14).tags.add("LEFT_BEHIND_CHILD");
                }
                case FAMILY4 -> {
                    person(h, surname, Gender.MALE, 35, 50);
                    person(h, people.surname(), Gender.FEMALE, 33, 48);
                    person(h, surname, Gender.MALE, 3, 18);
                    person(h, surname, Gender.FEMALE, 1, 15);
                }
            }
        }

        private Person person(int h, String surname, Gender gender, int minAge, int maxAge) {
            Household household = households.get(h);
            Building building = buildings.get(household.building());
            Org grid = grids.get(household.grid());
            Person p = new Person();
            p.household = h;
            p.communityId = grid.communityId();
            p.nullableCommunity = grid.communityId();
            p.gender = gender;
            p.birth = people.birthDate(today, minAge, maxAge);
            p.name = surname + people.givenName(gender, p.birth);
            p.idNumber = people.idNumber(gender, p.birth);
            int age = p.age(today);
            p.phone = age >= 14 ? people.phone() : null;
            p.address = "示例市青石区青石街道" + building.name() + household.door() + "室";
            if (age >= 80) {
                p.tags.add("ADVANCED_AGE");
            }
            int roll = random.nextInt(100);
            if (gender == Gender.MALE && age >= 40 && age <= 80 && roll < 5) {
                p.tags.add("VETERAN");
            } else if (roll >= 5 && roll < 7) {
                p.tags.add("DISABLED");
            } else if (roll >= 7 && roll < 11 && age >= 18) {
                p.tags.add("LOW_INCOME");
            } else if (roll == 11) {
                p.tags.add("SERIOUS_ILLNESS");
            } else if (roll >= 12 && roll < 14 && age >= 25 && age <= 55) {
                p.tags.add("UNEMPLOYED");
            }
            residents.add(p);
            return p;
        }

        // -------------------------------------------------------------- staff

        private void staff() {
            Person streetAdmin = staffMember(null, "ADMINISTRATOR", street);
            staff.add(streetAdmin);
            for (int n = 0; n < communities.size(); n++) {
                staff.add(staffMember(communities.get(n).id(), "ADMINISTRATOR", communities.get(n)));
                staff.add(staffMember(communities.get(n).id(), "SOCIAL_WORKER", residentsCommittees.get(n)));
            }
            for (Org grid : grids) {
                staff.add(staffMember(grid.communityId(), "GRID_WORKER", grid));
            }
        }

        private final List<Org> staffPosts = new ArrayList<>();
        private final List<String> staffRoles = new ArrayList<>();

        private Person staffMember(Long community, String role, Org post) {
            Person p = new Person();
            p.gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            p.birth = people.birthDate(today, 26, 52);
            p.name = people.surname() + people.givenName(p.gender, p.birth);
            p.idNumber = people.idNumber(p.gender, p.birth);
            p.phone = people.phone();
            p.nullableCommunity = community;
            staffPosts.add(post);
            staffRoles.add(role);
            return p;
        }

        private void insertMembers() throws SQLException {
            List<Person> all = new ArrayList<>(residents);
            all.addAll(staff);
            long[] ids = ids("member", all.size());
            for (int i = 0; i < all.size(); i++) {
                all.get(i).id = ids[i];
            }
            batch("""
                    insert into member (id, tenant_id, community_id, household_id, name, gender, birth_date, phone, id_number, address, special_tags,
                                        created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, all, (ps, p) -> {
                ps.setLong(1, p.id);
                ps.setLong(2, street.id());
                ps.setObject(3, p.nullableCommunity);
                ps.setObject(4, p.household == null ? null : households.get(p.household).id());
                ps.setString(5, p.name);
                ps.setString(6, p.gender.name());
                ps.setDate(7, date(p.birth));
                ps.setString(8, p.phone);
                ps.setString(9, p.idNumber);
                ps.setString(10, p.address);
                ps.setArray(11, textArray(p.tags));
                ps.setObject(12, now);
                ps.setObject(13, now);
            });
            for (Person r : residents) {
                LocalDate movedIn = since(15);
                memberships.add(new Link(r.id, r.communityId, "RESIDENT", movedIn.isBefore(r.birth) ? r.birth : movedIn));
            }
            for (int i = 0; i < staff.size(); i++) {
                memberships.add(new Link(staff.get(i).id, staffPosts.get(i).id(), staffRoles.get(i), since(6)));
            }
        }

        // -------------------------------------------------------------- 60 party members

        private static final String[] WORKPLACES = {"示例市规划设计研究院", "示例市第二中学", "示例区人民法院", "示例银行青石支行",
                "示例区卫生健康委员会", "示例市自来水公司", "示例区图书馆", "示例市公交集团第三分公司", "示例区城市管理局"};

        private void partyMembers() throws SQLException {
            Predicate<Person> working = p -> p.age(today) >= 25 && p.age(today) <= 55;
            List<Person> adults = shuffled(residents.stream().filter(p -> p.age(today) >= 22 && p != demoResident
                    && p != demoVolunteer && p != demoPartyMember).toList());
            partyMembers.add(demoPartyMember);
            List<Person> inService = new ArrayList<>(List.of(demoPartyMember));
            List<Person> floating = new ArrayList<>();
            List<Person> probationary = new ArrayList<>();
            List<Person> regular = new ArrayList<>();
            for (Person p : adults) {
                if (partyMembers.size() == 60) {
                    break;
                }
                int age = p.age(today);
                if (inService.size() < 18 && working.test(p)) {
                    inService.add(p);
                } else if (floating.size() < 6 && working.test(p)) {
                    floating.add(p);
                } else if (probationary.size() < 5 && age >= 22 && age <= 35) {
                    probationary.add(p);
                } else if (regular.size() < 31 && age >= 35) {
                    regular.add(p);
                } else {
                    continue;
                }
                partyMembers.add(p);
            }
            if (partyMembers.size() != 60) {
                throw new IllegalStateException("Demo street: only " + partyMembers.size() + " party members could be chosen");
            }
            record Profile(Person p, LocalDate joined, String standing, Long homeBranch, boolean inService, String workplace, boolean floating) {
            }
            List<Profile> profiles = new ArrayList<>();
            for (int i = 0; i < inService.size(); i++) {
                Person p = inService.get(i);
                Org unit = i % 2 == 0 ? coBuildingUnits.get((i / 2) % coBuildingUnits.size()) : null;
                String workplace = unit != null ? unit.name().replace("党支部", "") : WORKPLACES[i % WORKPLACES.length];
                profiles.add(new Profile(p, joined(p), "FORMAL", unit == null ? null : unit.id(), true, workplace, false));
            }
            for (Person p : floating) {
                profiles.add(new Profile(p, joined(p), "FORMAL", null, false, random.nextBoolean() ? "个体经营" : "外地企业派驻人员", true));
            }
            for (Person p : probationary) {
                profiles.add(new Profile(p, today.minusDays(30 + random.nextInt(300)), "PROBATIONARY", branchOf(p).id(), false, null, false));
            }
            for (Person p : regular) {
                profiles.add(new Profile(p, joined(p), "FORMAL", branchOf(p).id(), false, null, false));
            }
            batch("""
                    insert into party_profile (member_id, joined_on, standing, home_branch_id, registered_community_id, in_service, workplace, floating,
                                               updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, profiles, (ps, pr) -> {
                ps.setLong(1, pr.p().id);
                ps.setDate(2, date(pr.joined()));
                ps.setString(3, pr.standing());
                ps.setObject(4, pr.homeBranch());
                ps.setLong(5, pr.p().communityId);
                ps.setBoolean(6, pr.inService());
                ps.setString(7, pr.workplace());
                ps.setBoolean(8, pr.floating());
                ps.setObject(9, now);
            });
            for (Person p : partyMembers) {
                memberships.add(new Link(p.id, branchOf(p).id(), "PARTY_MEMBER", since(10)));
            }
            responsibilities(regular);
        }

        private LocalDate joined(Person p) {
            LocalDate earliest = p.birth.plusYears(20);
            LocalDate latest = today.minusYears(2);
            long span = Math.max(1, latest.toEpochDay() - earliest.toEpochDay());
            return earliest.plusDays(random.nextLong(span));
        }

        /** The party organization nearest to where a resident lives: the compound branch, else the grid. */
        private Org branchOf(Person p) {
            Household h = households.get(p.household);
            Org compound = buildings.get(h.building()).compound() == null ? null : compoundBranches.get(h.grid());
            return compound != null ? compound : grids.get(h.grid());
        }

        /** 联户: the demo party member and 20 regular members each look after 5–10 households of their grid. */
        private void responsibilities(List<Person> regular) throws SQLException {
            List<Person> carers = new ArrayList<>(List.of(demoPartyMember));
            carers.addAll(regular.subList(0, Math.min(20, regular.size())));
            Map<Integer, List<Household>> free = new java.util.HashMap<>();
            for (int g = 0; g < grids.size(); g++) {
                int grid = g;
                free.put(g, new ArrayList<>(shuffled(households.stream().filter(h -> h.grid() == grid).toList())));
            }
            record Duty(long member, long household) {
            }
            List<Duty> duties = new ArrayList<>();
            for (Person p : carers) {
                Household own = households.get(p.household);
                List<Household> pool = free.get(own.grid());
                pool.remove(own);
                int n = p == demoPartyMember ? 6 : 5 + random.nextInt(6);
                for (int i = 0; i < n && !pool.isEmpty(); i++) {
                    duties.add(new Duty(p.id, pool.remove(pool.size() - 1).id()));
                }
            }
            batch("insert into responsibility_link (party_member_id, household_id, linked_on) values (?, ?, ?)", duties,
                    (ps, d) -> {
                        ps.setLong(1, d.member());
                        ps.setLong(2, d.household());
                        ps.setDate(3, date(since(3)));
                    });
        }

        // -------------------------------------------------------------- volunteers, leaders, representatives

        private void roles() {
            volunteers.add(demoPartyMember);
            volunteers.add(demoVolunteer);
            for (int i = 1; i < partyMembers.size() && volunteers.size() < 22; i += 2) {
                volunteers.add(partyMembers.get(i));
            }
            for (Person p : shuffled(residents)) {
                if (volunteers.size() >= 45) {
                    break;
                }
                if (p.age(today) >= 18 && p.age(today) <= 72 && p != demoResident) {
                    volunteers.add(p);
                }
            }
            for (Person p : volunteers) {
                memberships.add(new Link(p.id, volunteerTeams.get(communities.indexOf(communityOf(p))).id(), "VOLUNTEER", since(4)));
            }
            // One building leader (楼栋长) per building, a party member where one lives there.
            for (int b = 0; b < buildings.size(); b++) {
                int building = b;
                List<Person> living = residents.stream()
                        .filter(p -> households.get(p.household).building() == building && p.age(today) >= 30 && p.age(today) <= 75)
                        .toList();
                if (living.isEmpty()) {
                    continue;
                }
                Person leader = living.stream().filter(partyMembers::contains).findFirst().orElse(living.get(0));
                Org post = buildingGroups.getOrDefault(b, grids.get(buildings.get(b).grid()));
                memberships.add(new Link(leader.id, post.id(), "BUILDING_LEADER", since(5)));
            }
            // Five residents' representatives (居民代表) per community, at its residents' committee.
            for (int n = 0; n < communities.size(); n++) {
                long community = communities.get(n).id();
                long committee = residentsCommittees.get(n).id();
                shuffled(residents).stream().filter(p -> p.communityId == community && p.age(today) >= 35).limit(5)
                        .forEach(p -> memberships.add(new Link(p.id, committee, "RESIDENTS_REPRESENTATIVE", since(3))));
            }
        }

        private Org communityOf(Person p) {
            return communities.stream().filter(o -> o.id() == p.communityId).findFirst().orElseThrow();
        }

        /** 党员中心户: six regular party members in buildings with a party group host their neighbours. */
        private void centerHouseholds() throws SQLException {
            List<Long> centers = new ArrayList<>();
            Set<Integer> used = new HashSet<>();
            for (Person p : partyMembers) {
                if (centers.size() == 6) {
                    break;
                }
                int building = households.get(p.household).building();
                Org group = buildingGroups.get(building);
                if (group != null && p != demoPartyMember && used.add(building)) {
                    centers.add(org(group, "CENTER_HOUSEHOLD", p.name + "党员中心户").id());
                }
            }
            ctx.putList("centerHouseholds", centers);
        }

        private void insertMemberships() throws SQLException {
            batch("insert into membership (tenant_id, member_id, organization_id, role, started_on, created_at) values (?, ?, ?, ?, ?, ?)",
                    memberships, (ps, m) -> {
                        ps.setLong(1, street.id());
                        ps.setLong(2, m.member());
                        ps.setLong(3, m.organization());
                        ps.setString(4, m.role());
                        ps.setDate(5, date(m.since()));
                        ps.setObject(6, now);
                    });
        }

        // -------------------------------------------------------------- personas

        private void identities() throws SQLException {
            Map<String, Person> personas = personas();
            List<String[]> rows = new ArrayList<>();
            for (Map.Entry<String, Person> e : personas.entrySet()) {
                rows.add(new String[] {String.valueOf(e.getValue().id), "OIDC_SUBJECT", e.getKey()});
            }
            rows.add(new String[] {String.valueOf(demoResident.id), "WECHAT_OPENID", DEMO_RESIDENT_OPENID});
            batch("insert into external_identity (member_id, kind, value, bound_at) values (?, ?, ?, ?)", rows, (ps, r) -> {
                ps.setLong(1, Long.parseLong(r[0]));
                ps.setString(2, r[1]);
                ps.setString(3, r[2]);
                ps.setObject(4, now);
            });
        }

        private Map<String, Person> personas() {
            Map<String, Person> personas = new java.util.LinkedHashMap<>();
            personas.put("demo-street-admin", staff.get(0));
            personas.put("demo-community-admin", staff.get(1));
            personas.put("demo-grid-worker", staff.get(1 + 2 * communities.size()));
            personas.put("demo-party-member", demoPartyMember);
            personas.put("demo-resident", demoResident);
            personas.put("demo-volunteer", demoVolunteer);
            return personas;
        }

        private void publish() {
            ctx.put("street", street.id());
            List<Long> ids = communities.stream().map(Org::id).toList();
            ctx.putList("communities", ids);
            for (int n = 0; n < communities.size(); n++) {
                ctx.put("community." + (n + 1), communities.get(n).id());
                ctx.put("residentsCommittee." + (n + 1), residentsCommittees.get(n).id());
                ctx.put("volunteerTeam." + (n + 1), volunteerTeams.get(n).id());
            }
            ctx.putList("grids", grids.stream().map(Org::id).toList());
            for (int g = 0; g < grids.size(); g++) {
                ctx.put("grid." + (g + 1), grids.get(g).id());
            }
            ctx.putList("compoundBranches", compoundBranches.values().stream().map(Org::id).toList());
            ctx.putList("buildingGroups", buildingGroups.values().stream().map(Org::id).toList());
            ctx.putList("coBuildingUnits", coBuildingUnits.stream().map(Org::id).toList());
            for (int i = 0; i < coBuildingUnits.size(); i++) {
                ctx.put("coBuildingUnit." + (i + 1), coBuildingUnits.get(i).id());
            }
            ctx.putList("volunteerTeams", volunteerTeams.stream().map(Org::id).toList());
            ctx.putList("buildings", buildings.stream().map(Building::id).toList());
            ctx.putList("households", households.stream().map(Household::id).toList());
            ctx.putList("residents", residents.stream().map(p -> p.id).toList());
            ctx.putList("elderly", residents.stream().filter(p -> p.age(today) >= 70).map(p -> p.id).toList());
            ctx.putList("partyMembers", partyMembers.stream().map(p -> p.id).toList());
            ctx.putList("volunteers", volunteers.stream().map(p -> p.id).sorted().toList());
            ctx.putList("gridWorkers", staff.subList(1 + 2 * communities.size(), staff.size()).stream().map(p -> p.id).toList());
            personas().forEach((subject, p) -> ctx.put("member." + subject, p.id));
            ctx.put("household.demo-resident", households.get(demoResident.household).id());
        }
    }
}
