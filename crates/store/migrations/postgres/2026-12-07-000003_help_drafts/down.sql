DROP TABLE help_drafts;
