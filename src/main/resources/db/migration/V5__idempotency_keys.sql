-- Idempotency-Key records: one per (account, key). The stored response is replayed byte for byte.
create table idempotency_key (
    account_id      uuid        not null,
    key             text        not null,
    method          text        not null,
    path            text        not null,
    -- SHA-256 of method, path and body: the same key with another request is refused (422)
    fingerprint     text        not null,
    status          text        not null check (status in ('IN_FLIGHT', 'DONE')),
    response_status integer,
    response_body   bytea,
    content_type    text,
    location        text,
    created_at      timestamptz not null default now(),
    completed_at    timestamptz,
    primary key (account_id, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
