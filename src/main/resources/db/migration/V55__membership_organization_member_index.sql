-- A page of an organization's members in member order (MemberQueries.membersOf: keyset on member_id, used by
-- Organization.members and 60 times per console tree), and its count. Without this index the planner walks
-- membership_member_idx in member order and discards every other organization's rows (~8,850 per grid on the bench
-- street, ~17,000 per grid and 1,040,000 per console tree in a district: 409 ms). ended_on is included so that
-- the page and the count (active = ended_on null or ahead) are index-only scans.
-- Plain CREATE INDEX, not CONCURRENTLY: Flyway's lock transaction would make a concurrent build wait for itself;
-- on a district's ~1M memberships it takes a few seconds and holds writes to membership meanwhile.
create index membership_org_member_idx on membership (organization_id, member_id) include (ended_on);
