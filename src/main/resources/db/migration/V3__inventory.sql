-- Per-event inventory, materialised when an event is published. Every statement is scoped by event_id.

create table event_seat (
    event_id   uuid    not null references event (id),
    seat_id    uuid    not null references seat (id),
    section_id uuid    not null,
    tier_id    uuid    not null references price_tier (id),
    -- Copied from the seat map so best-available can find adjacent seats without the catalog:
    -- sections in layout order, rows from the front, positions along the row.
    section_order integer not null,
    row_index  integer not null,
    position   integer not null,
    status     text    not null default 'AVAILABLE' check (status in ('AVAILABLE', 'HELD', 'SOLD')),
    hold_id    uuid,
    version    integer not null default 0,
    primary key (event_id, seat_id),
    -- A held or sold seat always names its hold; an available one never does.
    check ((status = 'AVAILABLE') = (hold_id is null))
);
create index event_seat_unavailable_idx on event_seat (event_id) where status <> 'AVAILABLE';

create table ga_inventory (
    event_id   uuid    not null references event (id),
    section_id uuid    not null references section (id),
    tier_id    uuid    not null references price_tier (id),
    capacity   integer not null check (capacity > 0),
    held       integer not null default 0 check (held >= 0),
    sold       integer not null default 0 check (sold >= 0),
    version    integer not null default 0,
    primary key (event_id, section_id),
    -- The database, not the code, forbids overselling general admission.
    check (held + sold <= capacity)
);
