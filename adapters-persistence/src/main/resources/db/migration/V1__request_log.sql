-- One row per request through either API (dev.optoant.domain.log.RequestLogEntry).
-- Range-partitioned by day on started_at; RequestLogPartitions creates the daily partitions ahead of time and drops
-- them after the retention period. The primary key includes started_at because PostgreSQL requires the partition key
-- in every unique constraint; ids are UUIDv7 made at the request's start, so (id, started_at) is still one per request,
-- and INSERT ... ON CONFLICT (id, started_at) DO NOTHING makes replays idempotent.
create table request_log (
    id                  uuid        not null,
    started_at          timestamptz not null,
    api                 text,
    method              text,
    path                text,
    requested_model     text,
    upstream_model      text,
    streaming           boolean     not null,
    status              integer     not null,
    error_type          text,
    error_message       text,
    latency_us          bigint      not null,
    first_byte_us       bigint,
    input_tokens        bigint,
    output_tokens       bigint,
    cached_tokens       bigint,
    reasoning_tokens    bigint,
    client_address      text,
    user_agent          text,
    api_key_fingerprint text,
    request_body        text,
    response_body       text,
    primary key (id, started_at)
) partition by range (started_at);

-- The admin list is newest first with (started_at, id) as the keyset; the trailing id lets each index serve that order.
create index request_log_started_at_idx on request_log (started_at desc, id desc);
create index request_log_api_idx on request_log (api, started_at, id);
create index request_log_requested_model_idx on request_log (requested_model, started_at, id);
create index request_log_status_idx on request_log (status, started_at, id);

-- Safety net for rows outside every daily partition (clock skew, a journal replayed from before the first partition).
-- Retention never drops it; RequestLogPartitions moves its rows into a daily partition when it creates that day.
create table request_log_default partition of request_log default;
