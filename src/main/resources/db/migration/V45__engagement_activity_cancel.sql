-- gongzhi V45: an organizer may cancel an activity before it starts, with a reason; its venue slot is released.
alter table activity add column cancel_reason varchar(500);
alter table activity add column cancelled_at timestamptz;
alter table activity add constraint activity_cancel_reason check ((status = 'CANCELLED') = (cancelled_at is not null));
