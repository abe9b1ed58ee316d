//! Registry ids and their pages.

/// True for a ClinicalTrials.gov id: "NCT" followed by exactly 8 digits.
pub fn is_well_formed_nct(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 11 && id.starts_with("NCT") && b[3..].iter().all(u8::is_ascii_digit)
}

/// `https://clinicaltrials.gov/study/<id>` for a well-formed NCT id, else `None`.
pub fn registry_url(id: &str) -> Option<String> {
    let id = id.trim();
    is_well_formed_nct(id).then(|| format!("https://clinicaltrials.gov/study/{id}"))
}
