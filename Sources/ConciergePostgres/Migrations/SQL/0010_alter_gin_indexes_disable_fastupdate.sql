-- With fastupdate on (Postgres' default) a GIN index queues new entries in a pending list and
-- merges it into the index when it reaches gin_pending_list_limit (4 MB). The insert that
-- crosses the limit does the merge (thousands of entries, 100–250 ms on the bench machine)
-- while every other insert into the table waits for the index's metapage: the p99 of ticket
-- creation was made of these pauses. Inserting each entry directly costs ≈ 0.1 ms more per
-- ticket and has no such pauses. The pending lists are merged here, once.
ALTER INDEX tickets_search SET (fastupdate = off);
ALTER INDEX tickets_tags SET (fastupdate = off);
ALTER INDEX tickets_custom_fields SET (fastupdate = off);
ALTER INDEX comments_search SET (fastupdate = off);
SELECT gin_clean_pending_list('tickets_search'::regclass);
SELECT gin_clean_pending_list('tickets_tags'::regclass);
SELECT gin_clean_pending_list('tickets_custom_fields'::regclass);
SELECT gin_clean_pending_list('comments_search'::regclass);
