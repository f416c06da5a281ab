-- Benchmark dataset: one street with :communities communities, :grids grids each, :households
-- households per grid and :residents residents per household, plus the bench administrator.
-- Usage (see run.sh): psql -v communities=10 -v grids=6 -v households=300 -v residents=2 -f dataset.sql
\set ON_ERROR_STOP on
begin;
insert into organization (tenant_id, kind, name, path, depth) values (0, 'STREET_COMMITTEE', '基准街道党工委', '/bench/', 0);
update organization set tenant_id = id, path = '/' || id || '/' where path = '/bench/';
select id as street from organization where kind = 'STREET_COMMITTEE' and name = '基准街道党工委' \gset

insert into organization (tenant_id, parent_id, kind, name, path, depth)
select :street, :street, 'COMMUNITY_COMMITTEE', '基准社区' || c, '/c' || c || '/', 1 from generate_series(1, :communities) c;
update organization set path = '/' || :street || '/' || id || '/', community_id = id where parent_id = :street;

insert into organization (tenant_id, parent_id, community_id, kind, name, path, depth)
select :street, c.id, c.id, 'GRID', c.name || '第' || g || '网格', '/g' || c.id || '-' || g || '/', 2
from organization c, generate_series(1, :grids) g where c.parent_id = :street;
update organization g set path = c.path || g.id || '/' from organization c where g.parent_id = c.id and g.kind = 'GRID' and c.parent_id = :street;

insert into building (tenant_id, grid_id, community_id, name)
select :street, g.id, g.community_id, b || '号楼' from organization g, generate_series(1, 10) b where g.kind = 'GRID' and g.tenant_id = :street;

insert into household (tenant_id, building_id, grid_id, community_id, door_number, floor_area_sqm)
select :street, b.id, b.grid_id, b.community_id, b.name || '-' || h, 60 + (h % 60)
from building b, generate_series(1, :households / 10) h where b.tenant_id = :street;

insert into member (tenant_id, community_id, household_id, name, phone, special_tags)
select :street, h.community_id, h.id, '居民' || h.id || '-' || r, '1380000' || lpad(((h.id * 7 + r) % 10000)::text, 4, '0'),
       case when (h.id + r) % 17 = 0 then '{ELDERLY_LIVING_ALONE}'::text[] else '{}'::text[] end
from household h, generate_series(1, :residents) r where h.tenant_id = :street;

insert into membership (tenant_id, member_id, organization_id, role, started_on)
select :street, m.id, h.grid_id, case when m.id % 10 = 0 then 'PARTY_MEMBER' else 'RESIDENT' end, date '2020-01-01'
from member m join household h on h.id = m.household_id where m.tenant_id = :street;

insert into member (tenant_id, community_id, name) values (:street, null, '基准管理员');
insert into external_identity (member_id, kind, value) select id, 'OIDC_SUBJECT', 'bench-street-admin' from member where name = '基准管理员';
insert into membership (tenant_id, member_id, organization_id, role, started_on)
select :street, id, :street, 'ADMINISTRATOR', date '2020-01-01' from member where name = '基准管理员';
commit;
analyze;
select (select count(*) from organization) as organizations, (select count(*) from household) as households,
       (select count(*) from member) as members;
