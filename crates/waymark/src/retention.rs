//! The retention job inside `waymark serve`: once at start, then every hour. It calls the same use case
//! as `waymark retention run` (for cron), which erases every closed case whose organisation's retention
//! period has ended. A failed run is logged (ids only) and tried again at the next tick.

use std::time::Duration;

use waymark_app::App;

/// How often the job runs while serving.
pub const EVERY: Duration = Duration::from_secs(60 * 60);

/// Runs the retention job now and then every [`EVERY`], until the task is dropped or aborted.
pub async fn every_hour(app: App) {
    let mut ticks = tokio::time::interval(EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        // The first tick completes at once: the job runs at start.
        ticks.tick().await;
        run_once(&app).await;
    }
}

async fn run_once(app: &App) {
    match app.run_retention().await {
        Ok(run) if run.erased.is_empty() => tracing::debug!("retention: nothing to erase"),
        Ok(run) => tracing::info!(erased = run.erased.len(), "retention: closed cases erased"),
        Err(e) => {
            tracing::error!(error = %e, "retention: the job failed; it runs again in an hour");
        }
    }
}
