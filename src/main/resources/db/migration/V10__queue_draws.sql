-- The start-time draw of each event's waiting-room pre-queue, kept for audit: the seed and the
-- resulting order of entry ids. Written before the order is applied in Redis, so a crash in between
-- re-applies the same draw.
create table queue_draw (
    event_id  uuid        primary key references event (id),
    seed      text        not null,
    drawn_at  timestamptz not null default now(),
    entries   uuid[]      not null
);
