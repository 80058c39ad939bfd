//! `recoupe`: the command-line tool. A thin layer over the library crates: it parses
//! arguments, wires readers → pipeline → store, draws progress and prints results.
//!
//! Exit codes: [`cli::EXIT_CODES`] (printed by `--help`, copied in the README).

mod cli;
mod commands;
mod render;
mod serve;

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Outcome of a command that ran to the end.
pub enum Outcome {
    Success,
    /// Finished, but some inputs could not be read (reported on stderr).
    PartialFailure,
    /// The thing asked for does not exist (document, entity, speaker).
    NotFound,
    /// The arguments parse but cannot be used (an empty search query, an option the
    /// command does not use); the message says why.
    Usage(String),
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::PartialFailure) => ExitCode::from(3),
        Ok(Outcome::NotFound) => ExitCode::from(4),
        Ok(Outcome::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// Rust ignores SIGPIPE, so `recoupe export | head` would end with a "Broken pipe" error.
/// A command-line filter should stop quietly instead, as the shell tools do.
#[cfg(unix)]
fn restore_default_sigpipe() {
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_default_sigpipe() {}
