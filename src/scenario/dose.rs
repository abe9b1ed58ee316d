//! The dose view's inputs (a link, the form or a JS API object, all text by parameter name)
//! become the dosing domain's [`DoseRequest`], with a message per parameter that cannot be
//! read; and a request becomes a link again.

use crate::dosing::{
    BsaFormula, CrclWeight, CreatinineUnit, DoseRequest, HeightUnit, RoundingTolerance, Sex,
    WeightUnit,
};
use crate::inputs::dose::*;
use crate::inputs::link::{only, Reading, Writer};
use crate::link::QueryMap;
use crate::messages::Message;

/// The request a query describes, and the messages of the parameters that cannot be read.
/// A number given but not readable goes to the domain as not-a-number, so what depends on it
/// is withheld (never computed from a default such as the label dose or vial). A value whose
/// unit cannot be read is left out, never read in a guessed unit.
pub fn read(query: &QueryMap) -> (DoseRequest, Vec<Message>) {
    let mut r = Reading::new(query);
    let weight_unit = r.code(&WEIGHT_UNIT, WeightUnit::from_code);
    let height_unit = r.code(&HEIGHT_UNIT, HeightUnit::from_code);
    let creatinine_unit = r.code(&SCR_UNIT, CreatinineUnit::from_code);
    let number = |r: &mut Reading, input: &'static crate::inputs::Input| match r.number(input) {
        Some(v) => Some(v),
        None if r.failed(input.name) => Some(f64::NAN),
        None => None,
    };
    let mut request = DoseRequest {
        weight: number(&mut r, &WEIGHT),
        weight_unit: weight_unit.unwrap_or_default(),
        mg_per_kg: number(&mut r, &MG_PER_KG),
        every_weeks: number(&mut r, &EVERY),
        height: number(&mut r, &HEIGHT),
        height_unit: height_unit.unwrap_or_default(),
        age_years: number(&mut r, &AGE),
        sex: r.code(&SEX, Sex::from_code),
        serum_creatinine: number(&mut r, &SCR),
        creatinine_unit: creatinine_unit.unwrap_or_default(),
        creatinine_floor_mg_per_dl: r
            .choice(&SCR_FLOOR)
            .and_then(|c| crate::decimal::parse_decimal(c.code)),
        measured_gfr_ml_min: number(&mut r, &GFR),
        regimen: r.text(&REGIMEN),
        carboplatin_auc: number(&mut r, &AUC),
        vial_mg: number(&mut r, &VIAL),
        concentration_mg_per_ml: number(&mut r, &CONC),
        ordered_mg: number(&mut r, &ORDERED),
        rounding: r
            .code(&ROUND, RoundingTolerance::from_code)
            .unwrap_or_default(),
        bsa_formula: r.code(&BSA, BsaFormula::from_code).unwrap_or_default(),
        crcl_weight: r
            .code(&CG_WEIGHT, CrclWeight::from_code)
            .unwrap_or_default(),
        partner_mg_per_m2: r.prefixed(&PARTNER_MG_PER_M2),
        confirmed: Vec::new(),
    };
    if r.failed(WEIGHT_UNIT.name) {
        request.weight = None;
    }
    if r.failed(HEIGHT_UNIT.name) {
        request.height = None;
    }
    if r.failed(SCR_UNIT.name) {
        request.serum_creatinine = None;
    }
    (request, r.messages)
}

/// The link for a request: every parameter given, without the patient's values unless
/// `with_patient`. Units and choices at their defaults are left out.
pub fn write(request: &DoseRequest, with_patient: bool) -> QueryMap {
    let mut w = Writer::default();
    w.number(&WEIGHT, request.weight);
    if request.weight_unit != WeightUnit::default() {
        w.code(&WEIGHT_UNIT, Some(request.weight_unit.code()));
    }
    w.number(&MG_PER_KG, request.mg_per_kg);
    w.number(&EVERY, request.every_weeks);
    w.number(&HEIGHT, request.height);
    if request.height_unit != HeightUnit::default() {
        w.code(&HEIGHT_UNIT, Some(request.height_unit.code()));
    }
    w.number(&AGE, request.age_years);
    w.code(&SEX, request.sex.map(Sex::code));
    w.number(&SCR, request.serum_creatinine);
    if request.creatinine_unit != CreatinineUnit::default() {
        w.code(&SCR_UNIT, Some(request.creatinine_unit.code()));
    }
    if let Some(floor) = request.creatinine_floor_mg_per_dl {
        let code = SCR_FLOOR
            .choices()
            .iter()
            .find(|c| crate::decimal::parse_decimal(c.code) == Some(floor))
            .map(|c| c.code);
        w.code(&SCR_FLOOR, code);
    }
    w.number(&GFR, request.measured_gfr_ml_min);
    w.text(&REGIMEN, request.regimen.as_deref());
    w.number(&AUC, request.carboplatin_auc);
    w.number(&VIAL, request.vial_mg);
    w.number(&CONC, request.concentration_mg_per_ml);
    w.number(&ORDERED, request.ordered_mg);
    if request.rounding != RoundingTolerance::default() {
        w.code(&ROUND, Some(request.rounding.code()));
    }
    if request.bsa_formula != BsaFormula::default() {
        w.code(&BSA, Some(request.bsa_formula.code()));
    }
    if request.crcl_weight != CrclWeight::default() {
        w.code(&CG_WEIGHT, Some(request.crcl_weight.code()));
    }
    w.prefixed(&PARTNER_MG_PER_M2, &request.partner_mg_per_m2);
    only(&w.0, TABLE, with_patient)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{hash_for, parse_hash, Route};
    use crate::messages::Code;
    use proptest::prelude::*;

    fn fields(messages: &[Message]) -> Vec<String> {
        messages
            .iter()
            .map(|m| m.field.as_deref().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn the_contract_link_gives_the_hand_computed_dose() {
        // 20 mg/kg x 72.5 kg = 1450 mg.
        let (request, messages) = read(&parse_hash("#/dose?weight=72.5&mgkg=20&every=3").1);
        assert!(messages.is_empty());
        assert_eq!(request.weight, Some(72.5));
        assert_eq!(request.mg_per_kg, Some(20.0));
        assert_eq!(request.every_weeks, Some(3.0));
        let report = crate::dosing::calculate(&request);
        assert_eq!(report.dose_mg, Some(1450.0));
        assert!(report.errors.is_empty());
    }

    #[test]
    fn bad_parameters_get_one_message_each_and_keep_the_rest() {
        let q = QueryMap::parse("weight=heavy&mgkg=-3&every=2.5&wunit=stone&sex=x&scr=1.1");
        let (request, messages) = read(&q);
        assert_eq!(fields(&messages), vec!["wunit", "weight", "every", "sex"]);
        assert_eq!(request.serum_creatinine, Some(1.1));
        // The unit could not be read: the weight is not read in a guessed unit.
        assert_eq!(request.weight, None);
        // -3 reads as a number; the domain refuses it at its field.
        let report = crate::dosing::calculate(&request);
        assert_eq!(
            report.error_for("mgkg").map(|e| e.code),
            Some(Code::NotPositive)
        );
        assert!(messages[1].text(crate::i18n::Lang::En).contains("heavy"));
    }

    #[test]
    fn a_thousands_comma_is_refused_at_its_field() {
        // "1,000" could be one thousand or one: refused, and gemcitabine is not computed.
        let (request, messages) = read(&QueryMap::parse(
            "regimen=ivo-gem-cis&weight=70&height=170&m2.gemcitabine=1,000&m2.cisplatin=25",
        ));
        assert_eq!(fields(&messages), vec!["m2.gemcitabine"]);
        assert_eq!(messages[0].code, Code::AmbiguousNumber);
        let text = messages[0].text(crate::i18n::Lang::En);
        assert!(text.contains("1000") && text.contains("1.000"), "{text}");
        let report = crate::dosing::calculate(&request);
        let gem = report.partners.iter().find(|p| p.drug == "gemcitabine");
        assert_eq!(gem.and_then(|p| p.mg), None);
        // A decimal comma with one or two digits still reads.
        let (request, messages) = read(&QueryMap::parse("weight=72,5"));
        assert!(messages.is_empty());
        assert_eq!(request.weight, Some(72.5));
    }

    #[test]
    fn patient_values_stay_out_unless_asked() {
        let (request, _) = read(&QueryMap::parse(
            "weight=80&mgkg=20&every=3&age=61&sex=f&scr=1.2&height=170&regimen=ivo&ordered=1600&gfr=90",
        ));
        assert_eq!(
            write(&request, false).encode(),
            "mgkg=20&every=3&regimen=ivo"
        );
        let full = write(&request, true).encode();
        for p in ["weight=80", "age=61", "scr=1.2", "ordered=1600", "gfr=90"] {
            assert!(full.contains(p), "{full}");
        }
    }

    #[test]
    fn scenario_parameters_beyond_the_contract() {
        let q = QueryMap::parse(
            "weight=160&wunit=lb&height=65&hunit=in&age=55&sex=f&scr=70&scrunit=umol\
             &regimen=ivo-gem-cis&vial=200&conc=20&round=pct5&bsa=dubois&cgweight=adjusted\
             &scrfloor=0.8&m2.gemcitabine=1000&unrelated=x",
        );
        let (request, messages) = read(&q);
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(request.weight_unit, WeightUnit::Lb);
        assert_eq!(request.height_unit, HeightUnit::In);
        assert_eq!(request.sex, Some(Sex::Female));
        assert_eq!(request.creatinine_unit, CreatinineUnit::Umol);
        assert_eq!(request.creatinine_floor_mg_per_dl, Some(0.8));
        assert_eq!(request.rounding, RoundingTolerance::Pct5);
        assert_eq!(request.bsa_formula, BsaFormula::DuBois);
        assert_eq!(request.crcl_weight, CrclWeight::Adjusted);
        assert_eq!(request.partner_mg_per_m2.get("gemcitabine"), Some(&1000.0));
        assert_eq!(
            write(&request, false).encode(),
            "scrfloor=0.8&regimen=ivo-gem-cis&vial=200&conc=20&round=pct5&bsa=dubois\
             &cgweight=adjusted&m2.gemcitabine=1000"
        );
        // Absent choices take the domain's defaults.
        assert_eq!(read(&QueryMap::new()).0, DoseRequest::default());
    }

    #[test]
    fn unknown_codes_each_at_their_parameter() {
        let (request, messages) = read(&QueryMap::parse(
            "round=pct7&bsa=haycock&cgweight=ideal&scrfloor=0.5&m2.gemcitabine=lots&m2.cisplatin=25",
        ));
        assert_eq!(
            fields(&messages),
            vec!["scrfloor", "round", "bsa", "cgweight", "m2.gemcitabine"]
        );
        assert_eq!(request.partner_mg_per_m2.get("cisplatin"), Some(&25.0));
        assert!(request
            .partner_mg_per_m2
            .get("gemcitabine")
            .is_some_and(|v| v.is_nan()));
    }

    fn opt<T: std::fmt::Debug + Clone + 'static>(
        s: impl Strategy<Value = T> + 'static,
    ) -> impl Strategy<Value = Option<T>> {
        prop::option::of(s)
    }

    fn positive() -> impl Strategy<Value = f64> {
        (1e-6f64..1e7).prop_filter("positive", |v| *v > 0.0)
    }

    proptest! {
        #[test]
        fn any_dose_request_round_trips_through_a_link(
            weight in opt(positive()), mg_per_kg in opt(positive()), every_weeks in opt((1u32..10).prop_map(f64::from)),
            height in opt(positive()), age_years in opt(positive()), serum_creatinine in opt(positive()),
            carboplatin_auc in opt(positive()), vial_mg in opt(positive()), concentration_mg_per_ml in opt(positive()),
            ordered_mg in opt(positive()), measured_gfr_ml_min in opt(positive()),
            weight_unit in prop_oneof![Just(WeightUnit::Kg), Just(WeightUnit::Lb)],
            height_unit in prop_oneof![Just(HeightUnit::Cm), Just(HeightUnit::In)],
            sex in opt(prop_oneof![Just(Sex::Female), Just(Sex::Male)]),
            creatinine_unit in prop_oneof![Just(CreatinineUnit::MgDl), Just(CreatinineUnit::Umol)],
            creatinine_floor_mg_per_dl in opt(prop_oneof![Just(0.7), Just(0.8), Just(1.0)]),
            regimen in opt("[a-z0-9-]{1,20}"),
            rounding in prop_oneof![Just(RoundingTolerance::Off), Just(RoundingTolerance::Pct5), Just(RoundingTolerance::Pct10)],
            bsa_formula in prop_oneof![Just(BsaFormula::Mosteller), Just(BsaFormula::DuBois)],
            crcl_weight in prop_oneof![Just(CrclWeight::Actual), Just(CrclWeight::Adjusted)],
            partner_mg_per_m2 in prop::collection::btree_map("[a-z][a-z-]{0,15}", positive(), 0..4),
        ) {
            let request = DoseRequest {
                weight, weight_unit, mg_per_kg, every_weeks, height, height_unit, age_years, sex,
                serum_creatinine, creatinine_unit, creatinine_floor_mg_per_dl, measured_gfr_ml_min,
                regimen, carboplatin_auc, vial_mg, concentration_mg_per_ml, ordered_mg, rounding,
                bsa_formula, crcl_weight, partner_mg_per_m2, confirmed: Vec::new(),
            };
            let hash = hash_for(&Route::Dose, &write(&request, true));
            let (route, query) = parse_hash(&hash);
            prop_assert_eq!(route, Route::Dose);
            let (back, messages) = read(&query);
            prop_assert!(messages.is_empty(), "{:?}", messages);
            prop_assert_eq!(back, request);
        }

        #[test]
        fn any_link_reads_without_panic_and_never_confirms(hash in "\\PC{0,200}") {
            let (_, query) = parse_hash(&hash);
            let (request, _) = read(&query);
            prop_assert!(request.confirmed.is_empty());
            let _ = crate::dosing::calculate(&request);
        }
    }
}
