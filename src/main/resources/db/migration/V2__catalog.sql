-- Catalog: venues with their seat maps, events, price tiers and tier assignments.

create table venue (
    id         uuid primary key,
    owner_id   uuid        not null references app_user (id),
    name       text        not null,
    city       text        not null,
    address    text,
    created_at timestamptz not null default now()
);

create table section (
    id         uuid primary key,
    venue_id   uuid    not null references venue (id) on delete cascade,
    name       text    not null,
    kind       text    not null check (kind in ('SEATED', 'GENERAL_ADMISSION')),
    -- GA sections carry a capacity; seated sections are exactly their seats.
    capacity   integer check (capacity > 0),
    sort_order integer not null,
    label_x    double precision not null default 0,
    label_y    double precision not null default 0,
    unique (venue_id, name),
    check ((kind = 'GENERAL_ADMISSION') = (capacity is not null))
);
create index section_venue_idx on section (venue_id, sort_order);

create table seat (
    id              uuid primary key,
    section_id      uuid    not null references section (id) on delete cascade,
    row_label       text    not null,
    -- row_index orders rows from the stage outwards; position orders seats along a row, so that
    -- "adjacent" means consecutive positions in one row.
    row_index       integer not null,
    number          text    not null,
    position        integer not null,
    x               double precision not null,
    y               double precision not null,
    accessible      boolean not null default false,
    companion       boolean not null default false,
    restricted_view boolean not null default false,
    unique (section_id, row_label, number),
    unique (section_id, row_index, position)
);

create table event (
    id                        uuid primary key,
    venue_id                  uuid        not null references venue (id),
    owner_id                  uuid        not null references app_user (id),
    title                     text        not null,
    performer                 text,
    description               text,
    starts_at                 timestamptz not null,
    on_sale_at                timestamptz not null,
    off_sale_at               timestamptz not null,
    -- The stored lifecycle; ON_SALE, SOLD_OUT and ENDED are derived from times and inventory.
    lifecycle                 text        not null check (lifecycle in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    hold_ttl_seconds          integer     not null check (hold_ttl_seconds between 30 and 3600),
    max_tickets_per_customer  integer     not null check (max_tickets_per_customer between 1 and 100),
    queue_enabled             boolean     not null default false,
    queue_opens_at            timestamptz,
    queue_admission_per_minute integer    check (queue_admission_per_minute > 0),
    queue_max_active_shoppers integer     check (queue_max_active_shoppers > 0),
    queue_token_ttl_seconds   integer     check (queue_token_ttl_seconds > 0),
    version                   integer     not null default 0,
    published_at              timestamptz,
    created_at                timestamptz not null default now(),
    check (on_sale_at < off_sale_at)
);
create index event_starts_idx on event (starts_at) where lifecycle <> 'DRAFT';
create index event_owner_idx on event (owner_id);

create table price_tier (
    id         uuid primary key,
    event_id   uuid    not null references event (id) on delete cascade,
    name       text    not null,
    amount     bigint  not null check (amount >= 0),
    currency   char(3) not null,
    -- rank 0 is the best tier: best-available tries tiers in rank order.
    rank       integer not null,
    unique (event_id, name)
);

-- A tier applies to whole sections, or to single seats (a seat assignment overrides its section's).
create table tier_assignment (
    event_id   uuid not null references event (id) on delete cascade,
    tier_id    uuid not null references price_tier (id) on delete cascade,
    section_id uuid references section (id),
    seat_id    uuid references seat (id),
    check ((section_id is null) <> (seat_id is null))
);
create unique index tier_assignment_section_uq on tier_assignment (event_id, section_id) where section_id is not null;
create unique index tier_assignment_seat_uq on tier_assignment (event_id, seat_id) where seat_id is not null;
