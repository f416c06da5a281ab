-- claimNeed requests: the accepted micro-wishes in id order (grids round-robin), claimed by the bench party
-- members in turn. Each micro-wish is claimed once.
with claimers as (select e.value, row_number() over (order by e.member_id) - 1 as k from external_identity e where e.value like 'bench-p-%'),
     nc as (select count(*) as c from claimers),
     wishes as (select id, row_number() over (order by id) - 1 as i from need where title like '基准微心愿%' and status = 'ACCEPTED')
select c.value, 'party_member,resident', json_build_object('input', json_build_object('needId', rtrim(translate(encode(convert_to('Need:' || w.id, 'UTF8'), 'base64'), '+/', '-_'), '='), 'idempotencyKey', '@KEY@'))
from wishes w cross join nc join claimers c on c.k = w.i % nc.c where w.i < :requests order by w.i;
