-- Matching benchmark dataset, loaded after dataset.sql: :resources resources spread over the street
-- (coverage at street, community or grid level; 1-3 need categories each; units, slots or money), a
-- track record for a tenth of the providers, and one open need per grid to rank against.
-- Usage (see run.sh): psql -v resources=100000 -f resources.sql
\set ON_ERROR_STOP on
begin;
select id as street from organization where kind = 'STREET_COMMITTEE' and name = '基准街道党工委' \gset
create temporary table cats (i int primary key, name text);
insert into cats values (0, 'ELDERLY_MEAL'), (1, 'ELDERLY_BATH'), (2, 'ELDERLY_MEDICAL'), (3, 'CHILD_CARE'), (4, 'HEALTH'),
  (5, 'LEGAL'), (6, 'ENVIRONMENT'), (7, 'PROPERTY'), (8, 'DISPUTE'), (9, 'SAFETY_HAZARD'), (10, 'EMPLOYMENT'),
  (11, 'MICRO_WISH'), (12, 'OTHER');
create temporary table scopes as
  select row_number() over (order by id) - 1 as i, id, path, depth, coalesce(community_id, id) as community_id
  from organization where tenant_id = :street and kind in ('STREET_COMMITTEE', 'COMMUNITY_COMMITTEE', 'GRID');
select count(*) as scope_count from scopes \gset

insert into resource (tenant_id, community_id, kind, name, description, categories, provider_org_id, coverage_org_id,
                      coverage_path, coverage_depth, capacity_model, capacity, remaining, open_allocations, status,
                      created_at, updated_at)
select :street, case when s.depth = 0 then null else s.community_id end,
       (array['SERVICE', 'SERVICE', 'SERVICE', 'SKILL', 'ITEM', 'VENUE'])[1 + r % 6],
       '基准资源' || r, '', array(select c.name from cats c where c.i in (r % 13, (r / 13) % 13, (r / 169) % 13)),
       s.id, s.id, s.path, s.depth,
       case when r % 6 = 5 then 'SLOTS' else 'UNITS' end,
       case when r % 6 = 5 then null else 5 + r % 20 end,
       case when r % 6 = 5 then null else (5 + r % 20) - r % 5 end,
       r % 7, case when r % 50 = 0 then 'PAUSED' else 'ACTIVE' end, now(), now()
from generate_series(1, :resources) r
join scopes s on s.i = (r * 7919) % :scope_count;

insert into resource_provider_record (provider_type, provider_id, rated_count, rating_sum, good_count)
select 'O', s.id, 10 + s.i % 30, (10 + s.i % 30) * 4, 5 + s.i % 20 from scopes s where s.i % 10 = 0
on conflict do nothing;

insert into need (tenant_id, community_id, place_org_id, place_path, title, description, category, urgency, kind, channel,
                  visibility, status, reporter_member_id, requester_member_id, responsible_org_id, responsible_path,
                  submitted_at, respond_by, resolve_by, updated_at)
select :street, g.community_id, g.id, g.path, '基准需求' || g.id, '基准', 'ELDERLY_MEAL', 'NORMAL', 'PERSONAL_REQUEST',
       'MINI_PROGRAM', 'PRIVATE', 'ACCEPTED', m.id, m.id, g.id, g.path, now(), now() + interval '1 day',
       now() + interval '3 days', now()
from organization g
cross join lateral (select id from member where household_id in (select id from household where grid_id = g.id) limit 1) m
where g.tenant_id = :street and g.kind = 'GRID';
commit;
analyze;
select (select count(*) from resource) as resources, (select count(*) from need) as needs;
