//! `recoupe serve` from the command line (issue 11): what it refuses before serving.

use std::process::Command;

fn recoupe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_recoupe"))
}

#[test]
fn issue11_serve_refuses_a_public_address_without_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let output = recoupe()
        .args(["--db", db.to_str().unwrap(), "serve", "--addr", "0.0.0.0:0"])
        .env_remove("RECOUPE_TOKEN")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("without an access token") && stderr.contains("--token"),
        "{stderr}"
    );
    let output = recoupe()
        .args([
            "--db",
            db.to_str().unwrap(),
            "serve",
            "--addr",
            "0.0.0.0:0",
            "--token",
            "short",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("at least 16"));
}

#[test]
fn issue11_serve_needs_an_existing_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("absent.db");
    let output = recoupe()
        .args([
            "--db",
            db.to_str().unwrap(),
            "serve",
            "--addr",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no store"));
    assert!(!db.exists(), "serving never creates a store");
}
