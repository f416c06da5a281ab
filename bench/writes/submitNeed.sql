-- submitNeed requests (bench/run.sh): the bench residents in turn, communities round-robin, each submits a personal request.
-- Output: subject TAB roles TAB variables.
with voters as (select r.*, row_number() over (order by r.rank, r.community_id) - 1 as k from (
       select e.member_id, e.value, m.community_id, row_number() over (partition by m.community_id order by m.id) as rank
       from external_identity e join member m on m.id = e.member_id where e.value like 'bench-m-%') r),
     nv as (select count(*) as c from voters)
select v.value, 'resident', json_build_object('input', json_build_object('title', '基准需求' || i, 'description', '楼道灯坏了，请尽快修理',
       'category', 'PROPERTY', 'kind', 'PERSONAL_REQUEST', 'idempotencyKey', '@KEY@'))
from generate_series(0, :requests - 1) i cross join nv join voters v on v.k = i % nv.c order by i;
