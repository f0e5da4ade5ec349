-- A seated section's capacity is its number of seats. Counting them on every read of an event
-- (100 sections x 500 seats in a stadium: 28 ms, on every order confirmation mail) made it the
-- most expensive statement of a sale; a venue's layout is never edited, so the count is stored.
alter table section add column seat_count integer not null default 0 check (seat_count >= 0);
update section s set seat_count = (select count(*) from seat where section_id = s.id);
