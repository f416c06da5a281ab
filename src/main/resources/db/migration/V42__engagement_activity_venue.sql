-- gongzhi V42: an activity's venue is a VENUE resource of the resource pool, its time slot a resource allocation.
alter table activity add constraint activity_venue_fk foreign key (venue_resource_id) references resource (id);
alter table activity add column venue_allocation_id bigint references resource_allocation (id);
create index activity_venue_allocation_idx on activity (venue_allocation_id);
