-- Verified webhooks from the payment provider (Stripe), one row per provider event id. Providers
-- deliver at least once and retry for days; the primary key makes a repeat a no-op
-- (insert ... on conflict do nothing), and the payload is kept for audit and replay.

create table payment_webhook_event (
    event_id    text        primary key,
    type        text        not null,
    received_at timestamptz not null default now(),
    payload     jsonb       not null
);
