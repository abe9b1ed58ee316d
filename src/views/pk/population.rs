//! A population run in the page: chunks of patients with a yield to the browser between
//! them, so typing and scrolling stay responsive; progress and the wall time taken.

use crate::browser;
use crate::pk::{GridSpec, ModelParams, PopulationRun, PopulationSpec, PopulationSummary, Regimen};
use std::rc::Rc;
use std::time::Duration;
use yew::prelude::*;

/// Patients simulated between two looks at the clock.
pub const CHUNK_PATIENTS: u32 = 25;
/// Longest stretch of simulation before the page gets a turn (input, scrolling, progress):
/// just under the 50 ms at which browsers count a task as long.
pub const SLICE_MS: f64 = 45.0;

/// What a population run was asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PopulationKey {
    pub model: ModelParams,
    pub regimen: Regimen,
    pub population: PopulationSpec,
}

/// A finished run.
#[derive(Clone, Debug, PartialEq)]
pub struct PopulationResult {
    pub key: PopulationKey,
    pub summary: Rc<PopulationSummary>,
    /// Wall time from the start of the run to its summary, ms (`sim-ms`).
    pub elapsed_ms: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PopulationState {
    /// The last finished run (possibly of earlier inputs: compare its key).
    pub result: Option<Rc<PopulationResult>>,
    /// Fraction done while a run is in progress.
    pub progress: Option<f64>,
    /// Why the run could not start.
    pub error: Option<String>,
}

/// Runs the population for `key` whenever it changes (a newer key cancels the older run).
#[hook]
pub fn use_population(key: Option<PopulationKey>) -> PopulationState {
    let result = use_state(|| None::<Rc<PopulationResult>>);
    let progress = use_state(|| None::<f64>);
    let error = use_state(|| None::<String>);
    let generation = use_mut_ref(|| 0u64);
    {
        let (result, progress, error) = (result.clone(), progress.clone(), error.clone());
        use_effect_with(key, move |key| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            if let Some(key) = *key {
                let generation = generation.clone();
                let current = move || *generation.borrow() == mine;
                yew::platform::spawn_local(async move {
                    let start = browser::now_ms();
                    let mut run = match PopulationRun::new(
                        &key.model,
                        &key.regimen,
                        &key.population,
                        &GridSpec::BANDS,
                    ) {
                        Ok(run) => run,
                        Err(errors) => {
                            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                            error.set(Some(list.join("; ")));
                            progress.set(None);
                            return;
                        }
                    };
                    error.set(None);
                    progress.set(Some(0.0));
                    while !run.is_finished() {
                        let slice_start = browser::now_ms();
                        while !run.is_finished() && browser::now_ms() - slice_start < SLICE_MS {
                            run.advance(CHUNK_PATIENTS);
                        }
                        if run.is_finished() {
                            break;
                        }
                        progress.set(Some(run.progress()));
                        yew::platform::time::sleep(Duration::ZERO).await;
                        if !current() {
                            return;
                        }
                    }
                    let summary = run.finish();
                    let elapsed_ms = browser::now_ms() - start;
                    result.set(Some(Rc::new(PopulationResult {
                        key,
                        summary: Rc::new(summary),
                        elapsed_ms,
                    })));
                    progress.set(None);
                });
            } else {
                progress.set(None);
            }
            let generation_on_drop = generation.clone();
            move || *generation_on_drop.borrow_mut() += 1
        });
    }
    PopulationState {
        result: (*result).clone(),
        progress: *progress,
        error: (*error).clone(),
    }
}
