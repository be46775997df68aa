//! The progress bar of `veiviser build`: drawn on stderr, only when stderr is a terminal
//! (never in tests, pipes or CI), and only once a build has taken more than a second, so
//! small builds print nothing but their summary line.

use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a build runs before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A handle the build reports to. [`Progress::hidden`] draws nothing.
#[derive(Clone)]
pub struct Progress {
    bar: Option<Arc<ProgressBar>>,
}

impl Progress {
    /// Draws nothing (library use, tests, the preview).
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    /// For the command line: a bar on stderr that appears after a second, when stderr is
    /// a terminal and `CI` is not set.
    pub fn for_terminal() -> Progress {
        use std::io::IsTerminal;
        if !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
            return Progress::hidden();
        }
        let bar = Arc::new(ProgressBar::with_draw_target(
            None,
            ProgressDrawTarget::hidden(),
        ));
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}").expect("valid progress template"),
        );
        let shown = Arc::clone(&bar);
        std::thread::spawn(move || {
            std::thread::sleep(DELAY);
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(100));
            }
        });
        Progress { bar: Some(bar) }
    }

    /// A step without a known length (reading and checking).
    pub fn step(&self, message: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(message.to_string());
        }
    }

    /// Start counting `total` pages.
    pub fn pages(&self, total: usize, message: &str) {
        if let Some(bar) = &self.bar {
            bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{{msg}} [{{wide_bar}}] {{pos}}/{{len}} {}",
                    crate::msg!("progress-pages")
                ))
                .expect("valid progress template")
                .progress_chars("=> "),
            );
            bar.set_length(total as u64);
            bar.set_position(0);
            bar.set_message(message.to_string());
        }
    }

    /// One more page written.
    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Remove the bar (before the summary line is printed).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
