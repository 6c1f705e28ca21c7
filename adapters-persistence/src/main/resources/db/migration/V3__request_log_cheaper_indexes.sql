-- Fewer index entries per row: every secondary index costs PostgreSQL about 2 µs of CPU per inserted row, and the
-- request log inserts one row per request while its admin list runs now and then (docs/decisions.md, "Request-log
-- indexes").
-- The api index goes: the column has two values, so a list filtered by API reads the started_at index and skips about
-- half its rows, which the planner prefers anyway.
-- The status index becomes a partial index of failed requests, the rows the admin list's "errors" filter looks for:
-- requests that succeed (nearly all) add no entry to it. Its predicate is the errors filter's own expression, so the
-- planner can prove the filter implies it. A status filter for a success status reads the started_at index instead.
-- On a partitioned table both statements reach every partition, the default one and the daily ones.
drop index request_log_api_idx;
drop index request_log_status_idx;
create index request_log_errors_idx on request_log (started_at desc, id desc)
    where status >= 400 or error_type is not null;
