-- How many replies (or posts, or events) one alert stands for: 1 for an alert about one draft, N for the one
-- alert raised at start-up for the N deadlines that passed while CareLoop was stopped. A line that sums a kind
-- ("1,203 replies past the 10-minute target") adds these up, so that one alert is not counted as one reply.
alter table alerts add column stands_for integer default 1 not null;
