-- gongzhi V32: the vote job's scan - open votes by their planned closing time.
create index deliberation_vote_closes_idx on deliberation_vote (closes_at) where closed_at is null;
