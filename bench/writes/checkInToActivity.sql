-- checkInToActivity requests: self check-in with the venue's code; pass j checks every bench resident in to the
-- j-th activity of their community (they are signed up to all of them).
with voters as (select r.*, row_number() over (order by r.rank, r.community_id) - 1 as k from (
       select e.member_id, e.value, m.community_id, row_number() over (partition by m.community_id order by m.id) as rank
       from external_identity e join member m on m.id = e.member_id where e.value like 'bench-m-%') r),
     nv as (select count(*) as c from voters),
     acts as (select a.id, a.organizer_org_id as community_id, row_number() over (partition by a.organizer_org_id order by a.id) - 1 as j
              from activity a where a.title like '基准活动%'),
     na as (select count(*) / count(distinct community_id) as c from acts)
select v.value, 'resident', json_build_object('input', json_build_object('activityId', rtrim(translate(encode(convert_to('Activity:' || a.id, 'UTF8'), 'base64'), '+/', '-_'), '='), 'code', '246810',
       'idempotencyKey', '@KEY@'))
from generate_series(0, :requests - 1) i cross join nv cross join na
join voters v on v.k = i % nv.c join acts a on a.community_id = v.community_id and a.j = (i / nv.c) % na.c order by i;
