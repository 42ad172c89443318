-- The parts a reply was built from (opening, core template, what a ticket asks, the echoed detail), so reports can say
-- per part how often agents edit or reject it.
alter table drafts add column parts varchar(500);
