-- The register's free-text search (q: a substring of subject, core request or sender, case-insensitive) through an
-- index of character n-grams, which needs no extension: every character and every pair of adjacent characters of
-- the three lower-cased columns, in a GIN index over the array (built-in array_ops). A query of one character
-- looks for that character, a longer one for all its pairs; the index narrows the rows, the unchanged LIKE
-- predicate decides. (pg_trgm cannot serve the common query: a two-character Chinese word has no trigram, so
-- LIKE '%积分%' is a full index scan; and it skips CJK characters under the plain C locale.)

-- Every character and every pair of adjacent characters of a text: the characters, then each joined to the next.
-- Repeats stay in (GIN stores each key of a row once). In linear time, without a call per position: substr()
-- would find each position anew from the start of the text (1 ms a register row, against 0.1 ms so).
CREATE FUNCTION letterdesk_search_grams(doc text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT chars || ARRAY(SELECT a || b FROM unnest(chars[:cardinality(chars) - 1], chars[2:]) AS pair(a, b))
FROM string_to_array(doc, NULL) AS chars
$$;

-- The keys a lower-cased query must all find: its character if it has one, else its pairs.
CREATE FUNCTION letterdesk_search_query_grams(q text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT CASE WHEN length(q) < 2 THEN ARRAY[q]
            ELSE ARRAY(SELECT substr(q, i, 2) FROM generate_series(1, length(q) - 1) AS i) END
$$;

-- Whether a register row may contain the lower-cased query q. A single expression, so the planner inlines it into
-- the query and matches the index below; the application calls it next to its LIKE predicate.
CREATE FUNCTION letterdesk_register_search(subject text, core_request text, sender_info text, q text)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT letterdesk_search_grams(lower(subject) || E'\n' || lower(core_request) || E'\n' || lower(sender_info))
           @> letterdesk_search_query_grams(q)
$$;

CREATE INDEX register_entry_search_grams_idx ON register_entry USING gin
    (letterdesk_search_grams(lower(subject) || E'\n' || lower(core_request) || E'\n' || lower(sender_info)));
