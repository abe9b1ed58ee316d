//! How rows are laid out: the default order (pivotal phase III trials first, newest evidence
//! first within) and randomised comparisons read as one line of their arms.

use super::model::{Dataset, Record, Role};

/// One line of the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Line<'a> {
    /// A cohort, a subgroup result, or an arm shown on its own.
    Single(&'a Record),
    /// The arms of a randomised comparison: the experimental arm first, then the control(s).
    Comparison(Vec<&'a Record>),
}

impl<'a> Line<'a> {
    pub fn records(&self) -> Vec<&'a Record> {
        match self {
            Line::Single(r) => vec![*r],
            Line::Comparison(arms) => arms.clone(),
        }
    }

    /// The first record of the line (its experimental arm).
    pub fn first(&self) -> &'a Record {
        match self {
            Line::Single(r) => r,
            Line::Comparison(arms) => arms[0],
        }
    }
}

fn is_phase_three(r: &Record) -> bool {
    r.phase == "III"
}

/// Puts rows in the default order: trials (rows sharing a name) with a phase III row first,
/// then by their newest evidence, newest first; rows of a trial keep the data's order.
pub fn default_order<'a>(ds: &'a Dataset, rows: &mut Vec<&'a Record>) {
    let mut trials: Vec<(&str, Vec<&'a Record>)> = Vec::new();
    for r in rows.iter() {
        match trials.iter_mut().find(|(name, _)| *name == r.name) {
            Some((_, list)) => list.push(r),
            None => trials.push((r.name.as_str(), vec![r])),
        }
    }
    let newest = |list: &[&'a Record]| {
        list.iter()
            .filter_map(|r| ds.evidence(r).map(|e| e.date.day_number()))
            .max()
            .unwrap_or(i64::MIN)
    };
    let mut keyed: Vec<(bool, i64, usize, Vec<&'a Record>)> = trials
        .into_iter()
        .enumerate()
        .map(|(i, (_, list))| {
            let pivotal = list.iter().any(|r| is_phase_three(r));
            (pivotal, newest(&list), i, list)
        })
        .collect();
    crate::sort::sort_by(&mut keyed, |a, b| {
        b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
    });
    *rows = keyed.into_iter().flat_map(|(_, _, _, list)| list).collect();
}

/// The lines of the given rows, in their order. With `grouped`, the arms of a comparison
/// that are all among the rows become one line at the place of its first arm; otherwise (and
/// for a comparison of which only one arm is shown) every row is its own line.
pub fn lines<'a>(rows: &[&'a Record], grouped: bool) -> Vec<Line<'a>> {
    let mut out: Vec<Line<'a>> = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for r in rows {
        if done.contains(&r.id.as_str()) {
            continue;
        }
        let arms: Vec<&'a Record> = match (&r.comparison, grouped) {
            (Some(c), true) => rows
                .iter()
                .copied()
                .filter(|o| o.comparison.as_ref() == Some(c))
                .collect(),
            _ => vec![*r],
        };
        let has_experimental = arms.iter().any(|a| a.role == Some(Role::Experimental));
        if arms.len() > 1 && has_experimental {
            let mut arms = arms;
            crate::sort::sort_by_key(&mut arms, |a| a.role != Some(Role::Experimental));
            done.extend(arms.iter().map(|a| a.id.as_str()));
            out.push(Line::Comparison(arms));
        } else {
            done.push(r.id.as_str());
            out.push(Line::Single(r));
        }
    }
    out
}
