-- gongzhi V50: a business date is the application's to give (platform/time/package-info.java).
-- `default current_date` is the day of the database session's TimeZone, not the deployment's business day:
-- in Asia/Shanghai it gave yesterday from 00:00 to 08:00 when the session ran in UTC. The application always
-- passes these dates from its BusinessCalendar; without the defaults an insert that forgets one fails loudly
-- instead of silently taking another zone's day. (The now() defaults of created_at/updated_at stay: an
-- instant is the same in every zone, and the application passes those too.)
alter table membership alter column started_on drop default;
alter table responsibility_link alter column linked_on drop default;
alter table property_ownership alter column started_on drop default;
