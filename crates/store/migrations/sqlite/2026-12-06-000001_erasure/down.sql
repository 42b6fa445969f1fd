DROP INDEX case_glass_reasons_case;
DROP TABLE case_glass_reasons;
DROP TABLE erasure_notices;
