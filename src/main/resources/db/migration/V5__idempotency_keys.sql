-- Idempotency-Key records (docs/idempotency.md): one per (account, key), so a key is only ever
-- looked up together with the account that sent it. The stored response is replayed byte for byte.
create table idempotency_key (
    account_id      uuid        not null,
    key             text        not null check (length(key) between 1 and 255),
    method          text        not null,
    path            text        not null,
    -- SHA-256 of method, path and body: the same key with another request is refused (422)
    fingerprint     text        not null,
    -- IN_FLIGHT: claimed by a purchase still running (claim-then-complete mode); DONE: answered
    status          text        not null check (status in ('IN_FLIGHT', 'DONE')),
    -- which request owns an IN_FLIGHT claim: a request whose claim was taken over (abandoned after
    -- boxoffice.idempotency.abandon-after) can neither complete nor release it any more
    claim           uuid,
    response_status integer,
    response_body   bytea,
    content_type    text,
    location        text,
    created_at      timestamptz not null default now(),
    completed_at    timestamptz,
    primary key (account_id, key),
    check (status = 'IN_FLIGHT' or response_status is not null)
);

-- the purge deletes by age, in bounded batches
create index idempotency_key_created_idx on idempotency_key (created_at);
