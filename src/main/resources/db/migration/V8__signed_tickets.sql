-- Signed tickets and check-in.

-- Per-event Ed25519 keys. The private key is stored only encrypted (AES-GCM under the master key
-- from the environment), never next to the rows it signs in the clear; public keys are published.
create table ticket_signing_key (
    kid                   text primary key,
    event_id              uuid        not null references event (id),
    public_key            bytea       not null,
    private_key_encrypted bytea       not null,
    created_at            timestamptz not null default now()
);
create index ticket_signing_key_event_idx on ticket_signing_key (event_id, created_at desc);

alter table ticket add column barcode text;
alter table ticket add column holder_name text;
alter table ticket add column checked_in_at timestamptz;
alter table ticket add column checked_in_gate text;

-- Every scan at the door, whatever its result.
create table check_in_scan (
    id          uuid primary key,
    ticket_id   uuid references ticket (id),
    event_id    uuid,
    scanner_id  uuid        not null references app_user (id),
    gate        text,
    result      text        not null check (result in
                    ('ADMITTED', 'ALREADY_USED', 'REVOKED', 'WRONG_EVENT', 'FORGED')),
    scanned_at  timestamptz not null default now()
);
create index check_in_scan_ticket_idx on check_in_scan (ticket_id);
