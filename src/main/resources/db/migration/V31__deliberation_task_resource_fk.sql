-- gongzhi V31: the resource pool (V20) exists now: tasks of a resolution link real resources.
alter table deliberation_task_resource
    add constraint deliberation_task_resource_resource_fk foreign key (resource_id) references resource (id);
