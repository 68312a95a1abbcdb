"""The search analysers PostgreSQL needs (committee.fulltext): unaccent, pg_trgm, and the Arabic
light stemmer of committee.arabic as SQL functions.

Every function is IMMUTABLE (so generated columns and indexes may use it) and names what it
calls with its schema: a restore (pg_restore runs with an empty search_path) recomputes the
generated columns through them.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

# The same lists as committee.arabic.PREFIXES and SUFFIXES, frozen here. A word with none of
# these prefixes that starts with «و», «ب», «ل», «ك» or «ف» gets two stems, with and without
# it; so does a word whose rest after an article starts with «ال» (committee.arabic).
PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "وبال", "وكال", "ولل", "فبال", "فكال", "فلل"]
SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"]


def _array(items):
    return "ARRAY[" + ", ".join(f"'{item}'" for item in items) + "]::text[]"


def create_functions(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        here = quote(cursor.fetchone()[0])
        cursor.execute(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'unaccent'"
        )
        unaccent_schema = quote(cursor.fetchone()[0])
    schema_editor.execute(f"""
        CREATE OR REPLACE FUNCTION {here}.committee_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT {unaccent_schema}.unaccent('{unaccent_schema}.unaccent'::regdictionary, $1) $$
    """)
    schema_editor.execute(f"""
        CREATE OR REPLACE FUNCTION {here}.committee_arabic_suffixes(word text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
        AS $$
        DECLARE
            affix text;
        BEGIN
            FOREACH affix IN ARRAY {_array(SUFFIXES)} LOOP
                IF char_length(word) >= char_length(affix) + 2
                        AND right(word, char_length(affix)) = affix THEN
                    word := left(word, char_length(word) - char_length(affix));
                END IF;
            END LOOP;
            RETURN word;
        END
        $$
    """)
    schema_editor.execute(f"""
        CREATE OR REPLACE FUNCTION {here}.committee_arabic_stem(word text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
        AS $$
        DECLARE
            affix text;
            rest text;
        BEGIN
            FOREACH affix IN ARRAY {_array(PREFIXES)} LOOP
                IF left(word, char_length(affix)) = affix
                        AND char_length(word) >= char_length(affix) + 2 THEN
                    rest := substr(word, char_length(affix) + 1);
                    IF right(affix, 2) = 'ال' AND left(rest, 2) = 'ال'
                            AND char_length(rest) >= 4 THEN
                        RETURN {here}.committee_arabic_suffixes(rest) || ' '
                            || {here}.committee_arabic_suffixes(substr(rest, 3));
                    END IF;
                    RETURN {here}.committee_arabic_suffixes(rest);
                END IF;
            END LOOP;
            IF left(word, 1) IN ('و', 'ب', 'ل', 'ك', 'ف') AND char_length(word) >= 4 THEN
                RETURN {here}.committee_arabic_suffixes(word) || ' '
                    || {here}.committee_arabic_suffixes(substr(word, 2));
            END IF;
            RETURN {here}.committee_arabic_suffixes(word);
        END
        $$
    """)
    schema_editor.execute(f"""
        CREATE OR REPLACE FUNCTION {here}.committee_arabic_analyze(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$
            SELECT coalesce(string_agg(
                CASE WHEN part[1] IS NULL THEN part[2]
                     ELSE {here}.committee_arabic_stem(part[1]) END,
                '' ORDER BY position), '')
            FROM regexp_matches($1, '([\u0621-\u064a]+)|([^\u0621-\u064a]+)', 'g')
                 WITH ORDINALITY AS parts(part, position)
        $$
    """)


def drop_functions(apps, schema_editor):
    for signature in (
        "committee_arabic_analyze(text)",
        "committee_arabic_stem(text)",
        "committee_arabic_suffixes(text)",
        "committee_unaccent(text)",
    ):
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {signature}")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_user_must_change_password")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(create_functions, drop_functions),
    ]
