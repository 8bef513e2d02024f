-- Finished event publications are deleted from now on (completion-mode delete); these are the ones kept before.
DELETE FROM event_publication WHERE completion_date IS NOT NULL;
