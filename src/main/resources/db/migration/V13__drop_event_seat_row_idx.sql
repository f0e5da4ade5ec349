-- Best available now reads each row's middle once per event (BestAvailableQuery caches them: seats
-- never move after publishing), so nothing looks rows up by (event, section, row) any more. Every
-- seat claim rewrites its event_seat row outside HOT (status is in partial-index predicates), so
-- each index on the table costs an insertion per claim, release and sale.
drop index event_seat_row_idx;
