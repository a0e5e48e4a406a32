"""Pure search: query parsing, folding, matching, corpus search. Never imports textual."""
