-- A district for plan checks (bench/district.sh): :streets streets x :communities communities x :grids grids, 15
-- buildings and :households households per grid, 2-5 residents per household (3.5 on average), every resident a
-- grid membership (every tenth a party member with a profile), an administrator per street, and :needs needs
-- submitted over the last three years (mostly closed; open ones with deadlines ahead). Set-based: every table is
-- one INSERT ... SELECT over generate_series. Defaults of district.sh: 10 x 10 x 6 grids x 460 households
-- (~966,000 residents) and 2,000,000 needs.
\set ON_ERROR_STOP on
set synchronous_commit = off;
\timing on

-- the tree: streets, communities, grids (materialized paths, as the application writes them)
insert into organization (tenant_id, kind, name, path, depth)
select 0, 'STREET_COMMITTEE', '区街道' || s || '党工委', '/district-s' || s || '/', 0 from generate_series(1, :streets) s;
update organization set tenant_id = id, path = '/' || id || '/' where path like '/district-s%';
insert into organization (tenant_id, parent_id, kind, name, path, depth)
select s.id, s.id, 'COMMUNITY_COMMITTEE', s.name || '社区' || c, '/district-c' || s.id || '-' || c || '/', 1
from organization s, generate_series(1, :communities) c where s.kind = 'STREET_COMMITTEE';
update organization o set path = s.path || o.id || '/', community_id = o.id from organization s
where o.parent_id = s.id and o.kind = 'COMMUNITY_COMMITTEE';
insert into organization (tenant_id, parent_id, community_id, kind, name, path, depth)
select c.tenant_id, c.id, c.id, 'GRID', c.name || '第' || g || '网格', '/district-g' || c.id || '-' || g || '/', 2
from organization c, generate_series(1, :grids) g where c.kind = 'COMMUNITY_COMMITTEE';
update organization g set path = c.path || g.id || '/' from organization c where g.parent_id = c.id and g.kind = 'GRID';

-- places
insert into building (tenant_id, grid_id, community_id, name)
select g.tenant_id, g.id, g.community_id, b || '号楼' from organization g, generate_series(1, 15) b where g.kind = 'GRID';
insert into household (tenant_id, building_id, grid_id, community_id, door_number, floor_area_sqm)
select b.tenant_id, b.id, b.grid_id, b.community_id, b.name || '-' || h, 50 + (h * 7 % 90)
from building b, generate_series(1, ceil(:households / 15.0)::int) h;

-- residents: 2-5 per household
insert into member (tenant_id, community_id, household_id, name, phone, birth_date, special_tags)
select h.tenant_id, h.community_id, h.id, '居民' || h.id || '-' || r, '139' || lpad(((h.id * 13 + r) % 100000000)::text, 8, '0'),
       date '1940-01-01' + ((h.id * 31 + r * 977) % 25000)::int,
       case when (h.id + r) % 23 = 0 then '{ELDERLY_LIVING_ALONE}'::text[] when (h.id + r) % 41 = 0 then '{LOW_INCOME}'::text[] else '{}'::text[] end
from household h, generate_series(1, 2 + (h.id % 4)::int) r;
analyze organization, building, household, member;
insert into membership (tenant_id, member_id, organization_id, role, started_on)
select m.tenant_id, m.id, h.grid_id, case when m.id % 10 = 0 then 'PARTY_MEMBER' else 'RESIDENT' end, date '2020-01-01' + (m.id % 1500)::int
from member m join household h on h.id = m.household_id;
insert into party_profile (member_id, joined_on, standing, home_branch_id, registered_community_id)
select m.id, date '1980-01-01' + (m.id % 15000)::int, case when m.id % 70 = 0 then 'PROBATIONARY' else 'FORMAL' end, h.grid_id, m.community_id
from member m join household h on h.id = m.household_id where m.id % 10 = 0;
analyze membership, party_profile;

-- an administrator per street (token subject district-admin-<street id>) and per community
insert into member (tenant_id, community_id, name) select id, null, name || '管理员' from organization where kind = 'STREET_COMMITTEE';
insert into external_identity (member_id, kind, value)
select m.id, 'OIDC_SUBJECT', 'district-admin-' || m.tenant_id from member m where m.name like '%党工委管理员';
insert into membership (tenant_id, member_id, organization_id, role, started_on)
select m.tenant_id, m.id, m.tenant_id, 'ADMINISTRATOR', date '2020-01-01' from member m where m.name like '%党工委管理员';
-- a few residents with token subjects (district-resident-<member id>): the first member of each grid's first household
insert into external_identity (member_id, kind, value)
select min(m.id), 'OIDC_SUBJECT', 'district-resident-' || min(m.id) from member m join household h on h.id = m.household_id group by h.grid_id;

-- needs over three years: the reporter is the first resident of a household, the place its grid
create temporary table bench_place as
select row_number() over (order by h.id) - 1 as k, h.id as household_id, h.building_id, h.grid_id, h.community_id, h.tenant_id, g.path,
       m.member_id
from household h join organization g on g.id = h.grid_id
join (select household_id, min(id) as member_id from member where household_id is not null group by household_id) m on m.household_id = h.id;
create index on bench_place (k);
analyze bench_place;
select count(*) as places from bench_place \gset

insert into need (tenant_id, community_id, place_org_id, place_path, building_id, household_id, title, description, category, urgency,
                  kind, channel, visibility, status, reporter_member_id, requester_member_id, responsible_org_id, responsible_path,
                  submitted_at, respond_by, resolve_by, responded_at, resolved_at, rated_at, closed_at, next_deadline, rating, updated_at)
select p.tenant_id, p.community_id, p.grid_id, p.path, p.building_id, p.household_id,
       (array['楼道灯不亮', '助餐预约', '下水道堵塞', '邻里噪音纠纷', '代购药品', '电动车违规充电', '求职咨询', '小区绿化'])[1 + i % 8] || i,
       '区级基准需求', x.category, case when i % 20 = 0 then 'HIGH' else 'NORMAL' end,
       x.kind, (array['MINI_PROGRAM', 'GRID_PATROL', 'HOTLINE', 'WALK_IN'])[1 + i % 4],
       case when x.kind = 'PERSONAL_REQUEST' then 'PRIVATE' else 'COMMUNITY' end,
       x.status, p.member_id, p.member_id, p.grid_id, p.path,
       x.at, x.at + interval '2 days', x.at + interval '14 days',
       case when x.status not in ('SUBMITTED') then x.at + interval '5 hours' end,
       case when x.status in ('RESOLVED', 'RATED', 'CLOSED') then x.at + interval '3 days' end,
       case when x.status in ('RATED', 'CLOSED') then x.at + interval '4 days' end,
       case when x.status = 'CLOSED' then x.at + interval '11 days' end,
       case when x.status in ('RESOLVED', 'RATED', 'CLOSED', 'REJECTED') then null else x.at + interval '14 days' end,
       case when x.status in ('RATED', 'CLOSED') then 3 + (i % 3) end,
       x.at
from generate_series(0, :needs - 1) i
join bench_place p on p.k = (i::bigint * 7919) % :places
cross join lateral (select
       -- spread over three years up to now; the newest 2 % are still open, with their deadlines ahead
       now() - make_interval(mins => ((:needs - 1 - i)::bigint * 1576800 / :needs)::int) as at,
       case when i >= :needs * 0.98 then (array['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED'])[1 + i % 5]
            when i % 50 = 0 then 'REJECTED' else 'CLOSED' end as status,
       case when i % 10 = 0 then 'MICRO_WISH' when i % 5 = 0 then 'PUBLIC_ISSUE' else 'PERSONAL_REQUEST' end as kind,
       case when i % 10 = 0 then 'MICRO_WISH'
            else (array['ELDERLY_MEAL', 'ELDERLY_BATH', 'ELDERLY_MEDICAL', 'CHILD_CARE', 'HEALTH', 'LEGAL', 'ENVIRONMENT', 'PROPERTY',
                        'DISPUTE', 'SAFETY_HAZARD', 'EMPLOYMENT', 'OTHER'])[1 + i % 12] end as category) x;
-- open needs keep their deadlines ahead of now (the SLA job would otherwise escalate them all at once)
update need set respond_by = now() + interval '1 day', resolve_by = now() + interval '10 days',
       next_deadline = now() + interval '10 days', assignee_org_id = case when status in ('ASSIGNED', 'IN_PROGRESS') then place_org_id end
where status in ('SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS');

vacuum analyze; -- as autovacuum would after the bulk load: visibility map set, index-only scans possible
select (select count(*) from organization) as organizations, (select count(*) from household) as households,
       (select count(*) from member) as members, (select count(*) from membership) as memberships, (select count(*) from need) as needs;
