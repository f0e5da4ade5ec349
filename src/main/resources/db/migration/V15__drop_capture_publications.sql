-- Capture no longer goes through the event publication registry (recovery captures every confirmed
-- order whose lease ran out): publications of the removed listener that never completed would be
-- re-delivered to nobody, every retry round, for ever. Their orders are captured by recovery.
-- The table belongs to Spring Modulith (created at start-up), so it may not exist yet.
do $$
begin
    if to_regclass('event_publication') is not null then
        delete from event_publication
        where completion_date is null
          and listener_id like 'io.boxoffice.checkout.internal.OrderRecovery.on(%OrderConfirmed)';
    end if;
end
$$;
