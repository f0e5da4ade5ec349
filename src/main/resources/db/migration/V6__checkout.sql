-- Customers may cancel a purchase until this many hours before the start; null: they may not.
alter table event add column customer_cancellation_hours integer
    check (customer_cancellation_hours between 0 and 8760);

-- Orders and the payment calls made for them. Every payment call is recorded before it is sent,
-- with the idempotency key it carries, so that after a crash recovery can ask the provider what
-- became of it.

create table customer_order (
    id               uuid primary key,
    customer_id      uuid        not null references app_user (id),
    event_id         uuid        not null references event (id),
    hold_id          uuid        not null references hold (id),
    status           text        not null check (status in
                         ('AUTHORIZING', 'AUTHORIZED', 'CONFIRMED', 'CAPTURING', 'COMPLETED',
                          'DECLINED', 'VOIDING', 'CANCELLED', 'COMPENSATING', 'REFUNDING', 'REFUNDED')),
    amount           bigint      not null check (amount >= 0),
    currency         char(3)     not null,
    quantity         integer     not null check (quantity > 0),
    provider         text        not null,
    -- the provider's single-use token for the card, needed to re-send an unanswered authorization
    payment_token    text        not null,
    -- 1 for the first order on a hold, 2 after one declined, ...: part of every idempotency key
    attempt          integer     not null check (attempt > 0),
    provider_ref     text,
    failure_reason   text,
    capture_attempts integer     not null default 0,
    -- set when the event is cancelled: the order is refunded as soon as it has completed
    refund_requested boolean     not null default false,
    -- recovery looks at a non-terminal order again from this time on (a lease while a step runs)
    next_action_at   timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0
);
-- One live purchase per hold; declined and cancelled ones make room for the next attempt.
create unique index customer_order_live_hold_uq on customer_order (hold_id)
    where status not in ('DECLINED', 'CANCELLED', 'REFUNDED');
create index customer_order_pending_idx on customer_order (next_action_at)
    where status not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'REFUNDED')
       or (status = 'COMPLETED' and refund_requested);
create index customer_order_customer_idx on customer_order (customer_id, created_at desc);
create index customer_order_event_idx on customer_order (event_id);

create table payment_operation (
    id              uuid primary key,
    order_id        uuid        not null references customer_order (id),
    operation       text        not null check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND')),
    attempt         integer     not null,
    idempotency_key text        not null unique,
    status          text        not null check (status in
                        ('SENT', 'SUCCEEDED', 'DECLINED', 'FAILED', 'UNKNOWN')),
    provider_ref    text,
    reason          text,
    created_at      timestamptz not null default now(),
    completed_at    timestamptz
);
create index payment_operation_order_idx on payment_operation (order_id);

-- Tickets (ticketing module): issued in the transaction that confirms the seats.
create table ticket (
    id          uuid primary key,
    order_id    uuid        not null references customer_order (id),
    event_id    uuid        not null references event (id),
    holder_id   uuid        not null references app_user (id),
    seat_id     uuid,
    section_id  uuid        not null,
    tier_id     uuid        not null references price_tier (id),
    status      text        not null check (status in ('LIVE', 'VOID')),
    issued_at   timestamptz not null default now(),
    voided_at   timestamptz
);
-- A seat has at most one live ticket, whatever the code does.
create unique index ticket_live_seat_uq on ticket (event_id, seat_id)
    where status = 'LIVE' and seat_id is not null;
create index ticket_order_idx on ticket (order_id);
create index ticket_holder_idx on ticket (holder_id);
