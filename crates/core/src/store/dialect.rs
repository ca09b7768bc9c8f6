//! The few SQL forms SQLite and PostgreSQL spell differently, each written once here for both
//! (everything else in the store is SQL both accept).

use super::db::Backend;

/// A JSON array text of `expr` over the rows of `from_where` (a `FROM … WHERE …` tail) in
/// `order`: `[]` when there are none, as SQLite's `json_group_array` gives.
pub(crate) fn json_array_of(backend: Backend, expr: &str, from_where: &str, order: &str) -> String {
    match backend {
        Backend::Sqlite => format!(
            "(SELECT json_group_array(x) FROM (SELECT {expr} AS x {from_where} ORDER BY {order}))"
        ),
        Backend::Postgres => {
            format!("(SELECT coalesce(json_agg({expr} ORDER BY {order})::text, '[]') {from_where})")
        }
    }
}

/// A table of the elements of the JSON array in `column`, as `alias(value)` (text), to put after
/// FROM or a JOIN.
pub(crate) fn json_elements(backend: Backend, column: &str, alias: &str) -> String {
    match backend {
        Backend::Sqlite => format!("json_each({column}) {alias}"),
        Backend::Postgres => {
            format!("jsonb_array_elements_text({column}::jsonb) AS {alias}(value)")
        }
    }
}

/// The distinct values of `expr` in a group, joined with commas.
pub(crate) fn distinct_list(backend: Backend, expr: &str) -> String {
    match backend {
        Backend::Sqlite => format!("group_concat(DISTINCT {expr})"),
        Backend::Postgres => format!("string_agg(DISTINCT {expr}, ',')"),
    }
}

/// The empty BLOB (a sort key of an empty text), as a literal.
pub(crate) fn empty_blob(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "x''",
        Backend::Postgres => "'\\x'::bytea",
    }
}

/// A LIMIT of `n` rows, a negative `n` meaning no limit.
pub(crate) fn limit(backend: Backend, n: i64) -> String {
    match (backend, n) {
        (Backend::Sqlite, n) => n.to_string(),
        (Backend::Postgres, n) if n < 0 => "ALL".to_owned(),
        (Backend::Postgres, n) => n.to_string(),
    }
}

/// How many records a kind's `table` holds, exactly. SQLite counts them (a millisecond at
/// 200,000 rows); a team store sums the counts its triggers keep (`planner_record_count`,
/// migration pg/0006), where count(*) cost tens of milliseconds a list page with many officers at once.
pub(crate) fn record_count(backend: Backend, table: &'static str) -> String {
    match backend {
        Backend::Sqlite => format!("SELECT count(*) FROM {table}"),
        Backend::Postgres => {
            format!("SELECT planner_record_count('{table}')")
        }
    }
}

/// `expr` (a text) as Vietnamese orders it, for a field without a stored sort key: SQLite's
/// `vi_sort_key` function (ours, `text::vi_sort_key`); PostgreSQL's ICU Vietnamese collation,
/// which every server built with ICU has (Debian's does).
pub(crate) fn vietnamese_order(backend: Backend, expr: &str) -> String {
    match backend {
        Backend::Sqlite => format!("vi_sort_key({expr})"),
        Backend::Postgres => format!("({expr}) COLLATE \"vi-VN-x-icu\""),
    }
}

/// On PostgreSQL, the condition on `search_index` for the entries whose words match the text
/// search query in argument ?N (`lexeme_query`): what its index holds (migration pg/0006).
pub(crate) const LEXEMES_MATCH: &str = "to_tsvector('simple', words) @@ to_tsquery('simple', ?N)";

/// A PostgreSQL text-search query for entries holding every word of one of `phrases` (folded
/// words; a word with `true` also matches as a word's start, as FTS5's `"w"*`): each word
/// quoted, so that the query's own syntax is never read from what a user typed.
pub(crate) fn lexeme_query<W: AsRef<str>>(phrases: &[Vec<(W, bool)>]) -> String {
    phrases
        .iter()
        .map(|p| {
            let all: Vec<String> = p
                .iter()
                .map(|(w, prefix)| {
                    let quoted = w.as_ref().replace('\\', "\\\\").replace('\'', "''");
                    format!("'{quoted}'{}", if *prefix { ":*" } else { "" })
                })
                .collect();
            format!("({})", all.join(" & "))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The condition on `search_index` for the entries holding every word of one of `phrases`
/// (folded words), with its arguments as ?1, ?2, …: FTS5's MATCH of `fts_query` (the same
/// phrases as an FTS5 query) on SQLite; on PostgreSQL, its text-search index's match of the
/// same words (`LEXEMES_MATCH`).
pub(crate) fn index_holds_words(
    backend: Backend,
    fts_query: &str,
    phrases: &[Vec<String>],
) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    match backend {
        Backend::Sqlite => (
            "search_index MATCH ?1".to_owned(),
            vec![Value::Text(fts_query.to_owned())],
        ),
        Backend::Postgres => {
            let whole: Vec<Vec<(&str, bool)>> = phrases
                .iter()
                .map(|p| p.iter().map(|w| (w.as_str(), false)).collect())
                .collect();
            (
                LEXEMES_MATCH.replace("?N", "?1"),
                vec![Value::Text(lexeme_query(&whole))],
            )
        }
    }
}

/// Who wrote an audit row, as a column of `audit_log`: the officer's database role on a team
/// store (`audit_log.officer`, migration pg/0002); NULL on a store file, which one person uses
/// and whose rows name no one.
pub(crate) fn audit_officer(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "NULL",
        Backend::Postgres => "officer",
    }
}

/// The statement that locks row `id` (`?1`) of `table` until the transaction ends, so that
/// writers of one row queue rather than meet: `SELECT … FOR UPDATE` on PostgreSQL; none on
/// SQLite, whose writers already queue on the whole file's lock (BEGIN IMMEDIATE).
pub(crate) fn lock_row(backend: Backend, table: &str) -> Option<String> {
    match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(format!("SELECT id FROM {table} WHERE id = ?1 FOR UPDATE")),
    }
}
