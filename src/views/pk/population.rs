//! A population run in the page, in slices of work with the browser's turn between them, so
//! typing and scrolling stay responsive and no task of the page runs over 50 ms: patients
//! first, then the percentiles of the grid points. A long run shows the bands of the patients
//! of its first slice (a few hundred) at once, and the whole run's when it ends. Marks on the
//! page's performance timeline (`ivocalc:population-start`, `ivocalc:population-done`) time
//! it for benchmarks.

use crate::browser;
use crate::pk::{GridSpec, ModelParams, PopulationRun, PopulationSpec, PopulationSummary, Regimen};
use std::rc::Rc;
use yew::prelude::*;

/// Patients simulated between two looks at the clock (about 1 ms on a phone).
pub const CHUNK_PATIENTS: u32 = 8;
/// Grid points summarised between two looks at the clock (about 1 ms for 10,000 patients on a
/// phone).
pub const CHUNK_POINTS: usize = 2;
/// Longest task the page may take, ms: the 50 ms at which browsers count a task as long, less
/// a margin for the browser's own work.
pub const TASK_MS: f64 = 40.0;
/// The shortest slice of work, ms, however long the page's own turns were.
pub const MIN_SLICE_MS: f64 = 8.0;
/// How often the progress is shown, ms.
pub const PROGRESS_EVERY_MS: f64 = 250.0;
/// The first slice, ms: short, so that a long run's first bands come soon.
pub const FIRST_SLICE_MS: f64 = 25.0;
/// A run whose patients left need more than this many times the first slice shows the bands
/// of its first patients meanwhile.
pub const PREVIEW_AFTER_SLICES: f64 = 2.0;

/// What a run does in its slices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// The next patients.
    Simulate,
    /// The percentiles of the patients so far, to show meanwhile.
    Preview,
    /// The percentiles of every patient.
    Summarise,
}

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

/// The bands of a run's first patients, while the run goes on.
#[derive(Clone, Debug, PartialEq)]
pub struct PopulationPreview {
    pub key: PopulationKey,
    pub summary: Rc<PopulationSummary>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PopulationState {
    /// The last finished run (possibly of earlier inputs: compare its key).
    pub result: Option<Rc<PopulationResult>>,
    /// The running run's first patients (compare its key).
    pub preview: Option<Rc<PopulationPreview>>,
    /// Fraction done while a run is in progress.
    pub progress: Option<f64>,
    /// Why the run could not start.
    pub error: Option<String>,
}

/// How long the next slice of work may be: what is left of [`TASK_MS`] after the page's own
/// work in the same task (a render started by the last slice), at least [`MIN_SLICE_MS`].
fn slice_budget_ms(page_work_ms: f64) -> f64 {
    (TASK_MS - page_work_ms).max(MIN_SLICE_MS)
}

/// Runs the population for `key` whenever it changes (a newer key cancels the older run).
#[hook]
pub fn use_population(key: Option<PopulationKey>) -> PopulationState {
    let result = use_state(|| None::<Rc<PopulationResult>>);
    let preview = use_state(|| None::<Rc<PopulationPreview>>);
    let progress = use_state(|| None::<f64>);
    let error = use_state(|| None::<String>);
    let generation = use_mut_ref(|| 0u64);
    {
        let (result, preview, progress, error) = (
            result.clone(),
            preview.clone(),
            progress.clone(),
            error.clone(),
        );
        use_effect_with(key, move |key| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            if let Some(key) = *key {
                let generation = generation.clone();
                let current = move || *generation.borrow() == mine;
                yew::platform::spawn_local(async move {
                    progress.set(Some(0.0));
                    // The first slice in a task of its own, after the render that started it.
                    browser::next_task().await;
                    if !current() {
                        return;
                    }
                    browser::mark("ivocalc:population-start");
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
                    if error.is_some() {
                        error.set(None);
                    }
                    // The page's own work in the task of the last slice (the renders its
                    // changes started), ms.
                    let mut page_work_ms = 0.0;
                    let mut phase = Phase::Simulate;
                    let mut first_slice = true;
                    let mut progress_shown_at = start;
                    loop {
                        let slice_start = browser::now_ms();
                        let budget = if first_slice {
                            FIRST_SLICE_MS
                        } else {
                            slice_budget_ms(page_work_ms)
                        };
                        let mut chunk_start = slice_start;
                        let mut summarised = false;
                        loop {
                            match phase {
                                Phase::Simulate if !run.is_finished() => {
                                    run.advance(CHUNK_PATIENTS);
                                }
                                Phase::Simulate => phase = Phase::Summarise,
                                Phase::Preview | Phase::Summarise => {
                                    summarised = run.summarise(CHUNK_POINTS);
                                }
                            }
                            if summarised {
                                break;
                            }
                            // The next chunk is not begun unless it fits, as long as the last.
                            let now = browser::now_ms();
                            let chunk_ms = now - chunk_start;
                            chunk_start = now;
                            if now - slice_start + chunk_ms > budget {
                                break;
                            }
                        }
                        if summarised && phase == Phase::Summarise {
                            break;
                        }
                        // A long run (the first slice tells) shows its first patients' bands.
                        if first_slice
                            && phase == Phase::Simulate
                            && run.progress() > 0.0
                            && (1.0 - run.progress()) / run.progress() > PREVIEW_AFTER_SLICES
                        {
                            phase = Phase::Preview;
                        }
                        first_slice = false;
                        let preview_ready = summarised && phase == Phase::Preview;
                        let suspended = browser::now_ms();
                        // Each render of the progress takes from the run's time: a few a second.
                        if suspended - progress_shown_at >= PROGRESS_EVERY_MS {
                            progress.set(Some(run.progress()));
                            progress_shown_at = suspended;
                        }
                        browser::next_task().await;
                        if !current() {
                            return;
                        }
                        page_work_ms = browser::now_ms() - suspended;
                        if preview_ready {
                            // The chart's render in a task of its own.
                            if let Some(summary) = run.summary() {
                                preview.set(Some(Rc::new(PopulationPreview {
                                    key,
                                    summary: Rc::new(summary),
                                })));
                            }
                            phase = Phase::Simulate;
                            let rendering = browser::now_ms();
                            browser::next_task().await;
                            if !current() {
                                return;
                            }
                            page_work_ms = browser::now_ms() - rendering;
                        }
                    }
                    let summary = run.finish();
                    let elapsed_ms = browser::now_ms() - start;
                    browser::mark("ivocalc:population-done");
                    // The result's render in a task of its own.
                    browser::next_task().await;
                    if !current() {
                        return;
                    }
                    result.set(Some(Rc::new(PopulationResult {
                        key,
                        summary: Rc::new(summary),
                        elapsed_ms,
                    })));
                    preview.set(None);
                    progress.set(None);
                });
            } else {
                preview.set(None);
                progress.set(None);
            }
            let generation_on_drop = generation.clone();
            move || *generation_on_drop.borrow_mut() += 1
        });
    }
    PopulationState {
        result: (*result).clone(),
        preview: (*preview).clone(),
        progress: *progress,
        error: (*error).clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_leave_room_for_the_page() {
        assert_eq!(slice_budget_ms(0.0), TASK_MS);
        assert_eq!(slice_budget_ms(15.0), TASK_MS - 15.0);
        assert_eq!(slice_budget_ms(200.0), MIN_SLICE_MS);
    }
}
