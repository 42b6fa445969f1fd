-- The free text that 2026-12-06-000002_areas replaced is gone on purpose: nothing to restore. The
-- codes stay valid text for the earlier schema.
SELECT 1;
