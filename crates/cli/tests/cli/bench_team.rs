//! `planner bench team` at a tiny size, so that the benchmark keeps running: every operation
//! of the mix is done on both backends and none fails.

use super::planner;
use super::team::TeamDb;

#[test]
fn the_team_bench_runs_every_operation_on_both_backends_without_errors() {
    let Some(team) = TeamDb::new() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "bench",
        "team",
        "--url",
        &team.url,
        "--officers",
        "2",
        "--seconds",
        "2",
        "--organizations",
        "200",
        "--contacts",
        "400",
        // No pauses: every operation of the mix in two seconds.
        "--think-ms",
        "0",
        "--json",
    ];
    let run = planner(&dir.path().join("unused.db"), &args, None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let answer: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(answer["team_fill_seconds"].as_f64().is_some(), "{answer:#}");
    for backend in ["team", "sqlite"] {
        let ops = answer[backend]["ops"].as_array().unwrap();
        let names: Vec<&str> = ops.iter().map(|o| o["op"].as_str().unwrap()).collect();
        assert_eq!(names, ["list", "search", "create", "update"], "{backend}");
        for o in ops {
            assert!(o["count"].as_u64().unwrap() > 0, "{backend}: {o}");
            assert_eq!(o["errors"], 0, "{backend}: {answer:#}");
            assert!(o["p95_ms"].as_f64().unwrap() > 0.0, "{backend}: {o}");
        }
    }
    // A second run reuses the filled database instead of filling it again.
    let again = planner(&dir.path().join("unused.db"), &args, None);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let again: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    assert!(again["team_fill_seconds"].is_null(), "{again:#}");
}
