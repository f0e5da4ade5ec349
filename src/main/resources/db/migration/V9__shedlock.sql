-- ShedLock: cluster-wide locks for scheduled jobs that must run on one instance at a time
-- (the outbox retry job). Times are the database clock in UTC (JdbcTemplateLockProvider.usingDbTime).
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
