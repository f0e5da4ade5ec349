-- Holds: a customer's claim on seats (or general-admission places) of one event, for a few minutes.
-- Which seats a hold has is decided by event_seat.hold_id alone: a seat row names at most one hold,
-- so a seat can never be in two live holds. hold_seat keeps what the hold was granted (history).

create table hold (
    id              uuid primary key,
    event_id        uuid        not null references event (id),
    customer_id     uuid        not null references app_user (id),
    status          text        not null check (status in
                        ('ACTIVE', 'CHECKING_OUT', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    -- SEATS: the seats are in hold_seat / event_seat; GENERAL_ADMISSION: quantity places of one section.
    kind            text        not null check (kind in ('SEATS', 'GENERAL_ADMISSION')),
    ga_section_id   uuid,
    quantity        integer     not null check (quantity between 1 and 100),
    amount          bigint      not null check (amount >= 0),
    currency        char(3)     not null,
    expires_at      timestamptz not null,
    -- While CHECKING_OUT the hold cannot expire until this payment window closes.
    checkout_until  timestamptz,
    created_at      timestamptz not null default now(),
    ended_at        timestamptz,
    version         integer     not null default 0,
    check ((kind = 'GENERAL_ADMISSION') = (ga_section_id is not null)),
    check ((status = 'CHECKING_OUT') = (checkout_until is not null)),
    foreign key (event_id, ga_section_id) references ga_inventory (event_id, section_id)
);
-- The sweeper's queue: live holds by expiry.
create index hold_expiry_idx on hold (expires_at) where status = 'ACTIVE';
-- Per-customer limit: live and bought holds of one customer for one event.
create index hold_customer_idx on hold (event_id, customer_id)
    where status in ('ACTIVE', 'CHECKING_OUT', 'CONFIRMED');
-- Lazy reclaim of general admission: expired holds of one section.
create index hold_ga_expiry_idx on hold (event_id, ga_section_id, expires_at)
    where status = 'ACTIVE' and kind = 'GENERAL_ADMISSION';

create table hold_seat (
    hold_id    uuid   not null references hold (id),
    event_id   uuid   not null,
    seat_id    uuid   not null,
    tier_id    uuid   not null references price_tier (id),
    amount     bigint not null check (amount >= 0),
    primary key (hold_id, seat_id),
    foreign key (event_id, seat_id) references event_seat (event_id, seat_id)
);

-- Releasing a hold finds its seats by (event_id, hold_id).
create index event_seat_hold_idx on event_seat (event_id, hold_id) where hold_id is not null;

-- A held or sold seat must name a hold that exists.
alter table event_seat
    add constraint event_seat_hold_fk foreign key (hold_id) references hold (id);

-- Organizers choose at least 30 s through the API; shorter holds exist for tests and load runs
-- that must see expiry happen.
alter table event drop constraint event_hold_ttl_seconds_check;
alter table event add constraint event_hold_ttl_seconds_check
    check (hold_ttl_seconds between 1 and 3600);
