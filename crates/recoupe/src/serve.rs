//! `recoupe serve` and `recoupe demo --serve`: the workbench (crates/recoupe-server).

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use recoupe_server::ServeConfig;

use crate::cli::ServeArgs;
use crate::Outcome;

pub fn serve(db: &Path, args: &ServeArgs) -> Result<Outcome> {
    recoupe_server::init_logging(args.log_json);
    let mut config = ServeConfig::new(db.to_path_buf());
    config.addr = args.addr;
    config.token = args.token.clone().filter(|t| !t.is_empty());
    config.allow_ingest = args.allow_ingest;
    config.body_limit = usize::try_from(args.max_body_mib * 1024 * 1024).unwrap_or(usize::MAX);
    config.request_timeout = Duration::from_secs(args.timeout_secs);
    let with_token = config.token.is_some();
    recoupe_server::serve(config, |addr| {
        // Listening on every interface: this machine's own name for it works.
        let host = if addr.ip().is_unspecified() {
            format!("localhost:{}", addr.port())
        } else {
            addr.to_string()
        };
        println!(
            "recoupe workbench on http://{host}/{}  (API: /api/v1/, OpenAPI: /api/openapi.json; Ctrl-C stops)",
            if with_token { "?token=…" } else { "" }
        );
    })
    .with_context(|| format!("serving {}", db.display()))?;
    Ok(Outcome::Success)
}
