-- The raw-SQL ceiling of the console tree (bench/tree.graphql): the same rows and fields built as one JSON
-- document by one hand-written statement. pgbench runs it (bench/run.sh): pgbench -f tree.sql -D street=<id>.
select json_build_object('organization', json_build_object(
  'name', s.name,
  'children', json_build_object(
    'totalCount', (select count(*) from organization c where c.parent_id = s.id and c.status = 'ACTIVE'),
    'edges', (select coalesce(json_agg(json_build_object('node', json_build_object(
        'name', c.name,
        'householdCount', null,
        'children', json_build_object('edges', (select coalesce(json_agg(json_build_object('node', json_build_object(
            'name', g.name,
            'members', json_build_object(
              'totalCount', (select count(distinct ms.member_id) from membership ms where ms.organization_id = g.id
                               and (ms.ended_on is null or ms.ended_on > current_date)),
              'edges', (select coalesce(json_agg(json_build_object('node', json_build_object(
                  'name', m.name,
                  'household', case when h.id is null then null else json_build_object('doorNumber', h.door_number,
                                  'building', json_build_object('name', b.name)) end,
                  'partyProfile', case when p.member_id is null then null else json_build_object('standing', p.standing) end
                )) order by m.id), '[]')
                from (select distinct ms.member_id from membership ms where ms.organization_id = g.id
                        and (ms.ended_on is null or ms.ended_on > current_date) order by ms.member_id limit 20) x
                join member m on m.id = x.member_id
                left join household h on h.id = m.household_id
                left join building b on b.id = h.building_id
                left join party_profile p on p.member_id = m.id)
            )
          )) order by g.id), '[]')
          from (select * from organization g where g.parent_id = c.id and g.status = 'ACTIVE' order by g.id limit 6) g))
      )) order by c.id), '[]')
      from (select * from organization c where c.parent_id = s.id and c.status = 'ACTIVE' order by c.id limit 10) c)
  )
)) from organization s where s.id = :street;
