-- How many incidents each engineer works on right now is asked on every routing decision and accept. Through the
-- status index that read every assigned incident (hundreds under load, more the busier it gets) to count a few.
-- live_assignee is the assignee only while the incident is ASSIGNED, so its index holds exactly those rows by
-- engineer. Resolved history is NULL there: an import appends those entries in order at one end, which is cheap.
ALTER TABLE incident ADD COLUMN live_assignee VARCHAR(64)
    GENERATED ALWAYS AS (CASE WHEN status = 'ASSIGNED' THEN assignee END);
CREATE INDEX incident_by_live_assignee ON incident(live_assignee);

-- Each commit writes every index page it changed. These two repeat the index H2 made for the table's foreign key
-- on incident_id: a timeline entry's id is its row key, which H2 already orders that index by, and an incident has
-- a handful of offers, so finding its pending ones among them needs no status column in the index.
DROP INDEX timeline_entry_by_incident;
DROP INDEX offer_by_incident;
