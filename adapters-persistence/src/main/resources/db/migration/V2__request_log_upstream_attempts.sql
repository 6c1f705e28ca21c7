-- How many calls to the upstream a request took, retries included; 0 when the upstream was never called (a request
-- refused before that). Rows written before this column existed keep null: their attempts were not counted.
-- Added on the partitioned parent, the column reaches every partition (the default one and the daily ones) at once;
-- with no default value it is a catalogue change, no partition is rewritten. RequestLogPartitions creates later daily
-- partitions "like request_log", so they have it too.
alter table request_log add column upstream_attempts smallint;
