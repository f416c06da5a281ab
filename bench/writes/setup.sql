-- Write scenarios (bench/run.sh): who writes what, on top of dataset.sql. Per community, :voters residents get a
-- token subject (bench-m-<id>) and :claimers party members (bench-p-<id>); there are :deliberations open
-- residents' votes per community (roll = every resident of the community), :activities activities per community
-- starting now (check-in code 246810, the voters signed up and confirmed), and :wishes accepted micro-wishes
-- spread over the grids. The *.tsv queries at the end list the requests: subject, roles, variables (with
-- @KEY@ for the idempotency key), ordered so that consecutive requests go to different communities.
\set ON_ERROR_STOP on
begin;
create temporary table bench_voter on commit drop as
select m.id, m.community_id, h.grid_id, row_number() over (partition by m.community_id order by m.id) as n
from member m join household h on h.id = m.household_id;
delete from bench_voter where n > :voters;

create temporary table bench_claimer on commit drop as
select x.id, x.community_id, row_number() over (partition by x.community_id order by x.id) as n
from (select distinct m.id, m.community_id from member m join membership ms on ms.member_id = m.id and ms.role = 'PARTY_MEMBER') x;
delete from bench_claimer where n > :claimers;

insert into external_identity (member_id, kind, value) select id, 'OIDC_SUBJECT', 'bench-m-' || id from bench_voter;
insert into external_identity (member_id, kind, value) select id, 'OIDC_SUBJECT', 'bench-p-' || id from bench_claimer;

-- open residents' votes
insert into deliberation (tenant_id, community_id, scope_org_id, scope_path, title, background, kind, stage, proposer_member_id,
                          proposed_at, updated_at)
select c.tenant_id, c.id, c.id, c.path, '基准议题' || c.id || '-' || d, '基准表决', 'RESIDENTS_COUNCIL', 'VOTING',
       (select min(id) from bench_voter v where v.community_id = c.id), now(), now()
from organization c, generate_series(1, :deliberations) d where c.kind = 'COMMUNITY_COMMITTEE';
insert into deliberation_vote (deliberation_id, eligibility, rule, secret, major_matter, quorum_num, quorum_den, opened_at)
select id, 'RESIDENTS', 'SIMPLE_MAJORITY', false, false, 1, 2, now() from deliberation where title like '基准议题%';
insert into vote_roll (vote_id, member_id, unit_id)
select v.id, m.id, m.id from deliberation_vote v join deliberation d on d.id = v.deliberation_id
join member m on m.community_id = d.community_id and m.household_id is not null where d.title like '基准议题%';

-- activities starting now, with the voters signed up
insert into activity (tenant_id, organizer_org_id, organizer_path, kind, title, place, starts_at, ends_at, capacity, confirmed_count,
                      audience, audience_org_id, audience_path, check_in_code, points, service_minutes, created_at)
select c.tenant_id, c.id, c.path, 'VOLUNTEER_SERVICE', '基准活动' || c.id || '-' || a, '社区广场', now(), now() + interval '3 hours',
       10000, (select count(*) from bench_voter v where v.community_id = c.id), 'RESIDENTS', c.id, c.path, '246810', 10, 60, now()
from organization c, generate_series(1, :activities) a where c.kind = 'COMMUNITY_COMMITTEE';
insert into activity_signup (tenant_id, activity_id, member_id, status, signed_up_at, queued_at, confirmed_at)
select a.tenant_id, a.id, v.id, 'CONFIRMED', now(), now(), now()
from activity a join bench_voter v on v.community_id = a.organizer_org_id where a.title like '基准活动%';

-- accepted micro-wishes, reported by residents of each grid
insert into need (tenant_id, community_id, place_org_id, place_path, household_id, building_id, title, description, category, urgency,
                  kind, channel, visibility, status, reporter_member_id, requester_member_id, responsible_org_id, responsible_path,
                  submitted_at, respond_by, resolve_by, responded_at, next_deadline, updated_at)
select g.tenant_id, g.community_id, g.id, g.path, m.household_id, h.building_id, '基准微心愿' || w, '想要一本字典', 'MICRO_WISH', 'NORMAL',
       'MICRO_WISH', 'MINI_PROGRAM', 'COMMUNITY', 'ACCEPTED', m.id, m.id, g.id, g.path,
       now(), now() + interval '1 day', now() + interval '14 days', now(), now() + interval '14 days', now()
from generate_series(1, :wishes) w
join lateral (select g.* from organization g where g.kind = 'GRID' order by g.id offset (w % (select count(*) from organization where kind = 'GRID')) limit 1) g on true
join lateral (select h.id as household_id, h.building_id from household h where h.grid_id = g.id order by h.id offset (w % 50) limit 1) h on true
join lateral (select m.id, m.household_id from member m where m.household_id = h.household_id order by m.id limit 1) m on true;
commit;
analyze;
