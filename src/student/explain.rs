//! `opslings explain [TOPIC]`: a topic's page.

use std::{io::Write, process::ExitCode};

use anyhow::{Result, bail};

use crate::app::App;

pub(crate) fn run(app: &App, query: Option<&str>, out: &mut dyn Write) -> Result<ExitCode> {
    let topic = match query {
        None => {
            let state = app.state()?;
            app.resolve(None, &state)?.info.topic.clone()
        }
        Some(query) => match find_topic(app, query) {
            Some(topic) => topic,
            None => bail!(
                "There is no topic or exercise called `{query}`. Topics: {}",
                app.set.topics().join(", ")
            ),
        },
    };
    let page = app
        .set
        .topic_readme(&topic)
        .unwrap_or("(this topic has no page)");
    writeln!(out, "{}", app.term.reflow(page.trim_end()))?;
    Ok(ExitCode::SUCCESS)
}

/// A topic by its folder (`10_resilience`), its name without the number (`resilience`), or an
/// exercise in it.
fn find_topic(app: &App, query: &str) -> Option<String> {
    let topics = app.set.topics();
    topics
        .iter()
        .find(|t| **t == query || t.get(3..) == Some(query))
        .map(|t| t.to_string())
        .or_else(|| app.set.get(query).map(|e| e.info.topic.clone()))
}
