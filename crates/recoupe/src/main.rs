//! `recoupe`: the command-line tool. A thin layer over the library crates: it parses
//! arguments, wires readers → pipeline → store, draws progress and prints results.
//!
//! Exit codes: 0 success; 1 error; 2 usage error (clap); 3 some inputs failed;
//! 4 nothing found.

mod cli;
mod commands;
mod render;
mod serve;
mod stories;

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
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::PartialFailure) => ExitCode::from(3),
        Ok(Outcome::NotFound) => ExitCode::from(4),
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
