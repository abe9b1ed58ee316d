//! The names of the drugs the regimens combine with ivonescimab, as readers write them in
//! each language (Chinese as pharmacists and labels write it).

use crate::i18n::Text;
use crate::messages::Arg;
use crate::tr;

/// A drug's name as a heading (`nab-paclitaxel` is "Nab-paclitaxel", 白蛋白结合型紫杉醇).
pub fn label(drug: &str) -> Option<Text> {
    Some(match drug {
        "ivonescimab" => tr!("Ivonescimab", "依沃西单抗"),
        "pemetrexed" => tr!("Pemetrexed", "培美曲塞"),
        "carboplatin" => tr!("Carboplatin", "卡铂"),
        "cisplatin" => tr!("Cisplatin", "顺铂"),
        "paclitaxel" => tr!("Paclitaxel", "紫杉醇"),
        "nab-paclitaxel" => tr!("Nab-paclitaxel", "白蛋白结合型紫杉醇"),
        "docetaxel" => tr!("Docetaxel", "多西他赛"),
        "gemcitabine" => tr!("Gemcitabine", "吉西他滨"),
        "etoposide" => tr!("Etoposide", "依托泊苷"),
        "oxaliplatin" => tr!("Oxaliplatin", "奥沙利铂"),
        "irinotecan" => tr!("Irinotecan", "伊立替康"),
        "leucovorin" => tr!("Leucovorin", "亚叶酸钙"),
        "fluorouracil" => tr!("Fluorouracil", "氟尿嘧啶"),
        "ligufalimab" => tr!("Ligufalimab", "莱法利单抗"),
        _ => return None,
    })
}

/// A drug's name for a message: its translated label, or the name capitalised.
pub fn name(drug: &str) -> Arg {
    match label(drug) {
        Some(text) => Arg::Text(text),
        None => Arg::Plain(capitalised(drug)),
    }
}

/// `nab-paclitaxel` -> `Nab-paclitaxel`.
pub fn capitalised(drug: &str) -> String {
    let mut chars = drug.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_partner_of_the_regimens_has_a_name_in_both_languages() {
        for regimen in super::super::regimens::regimens() {
            for partner in regimen.partners.iter() {
                assert!(super::label(&partner.drug).is_some(), "{}", partner.drug);
            }
        }
    }
}
