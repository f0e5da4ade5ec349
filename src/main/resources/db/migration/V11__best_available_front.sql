-- Best available reads the front of the house first: available seats in row, section, position
-- order (index-only), and each row's extent to find its middle. Without them every best-available
-- request scanned all seats of the event (50,000 in a stadium).
create index event_seat_available_front_idx
    on event_seat (event_id, row_index, section_order, position)
    where status = 'AVAILABLE';
create index event_seat_row_idx on event_seat (event_id, section_id, row_index);
