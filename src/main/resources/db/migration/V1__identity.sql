-- Accounts. Identifiers are random UUIDs; e-mail is unique case-insensitively.
create table app_user (
    id            uuid primary key,
    email         text        not null,
    display_name  text        not null,
    password_hash text        not null,
    role          text        not null check (role in ('CUSTOMER', 'ORGANIZER', 'SCANNER')),
    created_at    timestamptz not null default now()
);
create unique index app_user_email_uq on app_user (lower(email));
