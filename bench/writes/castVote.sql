-- castVote requests: pass j gives every bench resident (communities round-robin) a vote in the j-th open vote of
-- their community, so no (voter, vote) pair repeats before all have been used.
with voters as (select r.*, row_number() over (order by r.rank, r.community_id) - 1 as k from (
       select e.member_id, e.value, m.community_id, row_number() over (partition by m.community_id order by m.id) as rank
       from external_identity e join member m on m.id = e.member_id where e.value like 'bench-m-%') r),
     nv as (select count(*) as c from voters),
     votes as (select d.id, d.community_id, row_number() over (partition by d.community_id order by d.id) - 1 as j
               from deliberation d where d.title like '基准议题%'),
     nd as (select count(*) / count(distinct community_id) as c from votes)
select v.value, 'resident', json_build_object('input', json_build_object('deliberationId', rtrim(translate(encode(convert_to('Deliberation:' || d.id, 'UTF8'), 'base64'), '+/', '-_'), '='),
       'choice', case when i % 3 = 0 then 'AGAINST' else 'FOR' end, 'idempotencyKey', '@KEY@'))
from generate_series(0, :requests - 1) i cross join nv cross join nd
join voters v on v.k = i % nv.c join votes d on d.community_id = v.community_id and d.j = (i / nv.c) % nd.c order by i;
