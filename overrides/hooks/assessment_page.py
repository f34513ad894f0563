"""MkDocs glue for the self-assessment page (questions rendered from the bank, wheel + runtime)."""
