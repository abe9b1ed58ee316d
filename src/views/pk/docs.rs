//! The model as the page documents it: equations, every default with its source, the two
//! calibrations with their criteria and the numbers they give, and where sources disagree.

use crate::format::{self, significant, Quantity};
use crate::i18n::Lang;
use crate::inputs::pk::TABLE;
use crate::inputs::Input;
use crate::pk::{calibrate_t50, calibration_regimen, default_calibration, default_model, sources};
use crate::sources::short_cites;
use crate::tr;
use crate::widgets::table::head;
use std::sync::OnceLock;
use yew::prelude::*;

/// T50 under the other reading of "steady state by the 15th week": the trough before the 5th
/// dose (day 84, the last trough before week 15 begins) at 90 % of steady state. Computed once.
pub fn t50_day_84() -> Option<f64> {
    static T50: OnceLock<Option<f64>> = OnceLock::new();
    *T50.get_or_init(|| {
        let s = sources();
        let regimen = crate::pk::Regimen {
            doses: 4,
            ..calibration_regimen()
        };
        calibrate_t50(
            &default_model(),
            &regimen,
            s.steady_state_trough_fraction.value,
        )
        .ok()
    })
}

fn f(v: f64, digits: usize) -> String {
    significant(v, digits)
}

/// The documented inputs: every number input of the PK table with a sourced default.
fn documented() -> impl Iterator<Item = &'static Input> {
    TABLE
        .iter()
        .copied()
        .filter(|i| i.sourced_default().is_some())
}

/// One row of the parameter table: label, link parameter, default with its unit, source.
fn row(input: &'static Input, lang: Lang) -> Html {
    let Some(d) = input.sourced_default() else {
        return html! {};
    };
    let value = match input.base_quantity() {
        Some(q) => format::with_unit(d.value, q, lang),
        None => f(d.value, 4),
    };
    let source = match (d.sources.is_empty(), d.description) {
        (false, _) => short_cites(d.sources.iter().copied(), lang),
        (true, Some(text)) => text.get(lang).to_string(),
        (true, None) => String::new(),
    };
    html! {
        <tr><th scope="row">{input.label.get(lang)}</th><td><code>{input.name}</code></td><td class="num">{value}</td><td>{source}</td></tr>
    }
}

/// The model documentation section.
#[function_component]
pub fn ModelDocs() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |text: crate::i18n::Text| text.get(lang);
    let s = sources();
    let m = default_model();
    let c = default_calibration();
    let fall = 1.0 - m.clearance_steady_state_l_per_day / m.clearance_first_dose_l_per_day;
    let day84 = t50_day_84();
    let pd1 = s.ic50_pd1_signalling_nm.value;
    let vegf = s.ic50_vegf_signalling_nm.value;
    let mw = s.molecular_weight_kda.value;
    let n = |v: f64| format::number(v, Quantity::Ratio);
    html! {
        <section class="pk-docs" aria-labelledby="pk-model-heading" data-testid="pk-model">
            <h2 id="pk-model-heading">{t(tr!("The model and where its numbers come from", "模型及其数值来源"))}</h2>
            <p>{t(tr!(
                "Two compartments, zero-order intravenous infusion, and a clearance that falls over the first months of treatment (as for nivolumab and pembrolizumab):",
                "二室模型、零级静脉输注，清除率在治疗最初几个月内下降（与纳武利尤单抗和帕博利珠单抗相同）："
            ))}</p>
            <pre class="equations" tabindex="0" aria-label={t(tr!("Model equations", "模型方程"))}>{"dA1/dt = R(t) − (CL(t) + Q)/V1 · A1 + Q/V2 · A2\ndA2/dt = Q/V1 · A1 − Q/V2 · A2\nCL(t)  = CL0 · exp( ln(CLss/CL0) · t^h / (T50^h + t^h) ),  t = "}{t(tr!("days since the first dose", "首次给药后的天数"))}{"\nC      = A1 / V1   (mg/L = µg/mL)"}</pre>
            <p>{t(tr!(
                "R(t) is the dose divided by the infusion time during each infusion and zero otherwise. Each time step is solved exactly for a clearance held at its mean over the step (steps of at most half a day, shorter while clearance changes fast); with constant clearance this is the closed-form solution. The engine's tests hold it to 1e-9 relative against the closed form and to 1e-4 against an independent high-accuracy ODE integration (data/pk_reference.json, scripts/pk_reference.py).",
                "R(t) 在每次输注期间为剂量除以输注时间，其余时间为零。每个时间步按该步内清除率的平均值精确求解（步长不超过半天，清除率变化快时更短）；清除率恒定时即为解析解。引擎测试将其与解析解的相对误差控制在 1e-9 以内，与独立的高精度常微分方程积分的误差控制在 1e-4 以内（data/pk_reference.json，scripts/pk_reference.py）。"
            ))}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label={t(tr!("Default parameters and their sources", "默认参数及其来源"))}>
                <table class="pk-params">
                    <caption>{t(tr!("Default parameters and their sources", "默认参数及其来源"))}</caption>
                    { head(&[
                        (t(tr!("Parameter", "参数")), false),
                        (t(tr!("Link", "链接参数")), false),
                        (t(tr!("Default", "默认值")), true),
                        (t(tr!("Source", "来源")), false),
                    ]) }
                    <tbody>
                        { for documented().map(|input| row(input, lang)) }
                    </tbody>
                </table>
            </div>
            <h3>{t(tr!("Calibration 1: V2 from the terminal half-life", "校准一：由终末半衰期确定 V2"))}</h3>
            <p>{tr!(
                "No ivonescimab volumes are published in the sources, so V1 and Q are pembrolizumab's. V2 is chosen so that the terminal half-life at CLss is {half_life} days (the review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics: \"The drug's elimination half-life was calculated at 9.85 days\"): with β = ln 2 / t½, k21 = β (k10 + k12 − β) / (k10 − β) and V2 = Q / k21, giving V2 = {v2} L. With the same volumes at CL0 the terminal half-life is {half_life_cl0} days, which reconciles Vallathol et al. 2025's \"around {seed_001} days\" (Pharmacology and Adverse Events of Ivonescimab): the shorter figure fits the first dose, the longer one steady state.",
                "来源中没有依沃西单抗的分布容积数据，因此 V1 和 Q 采用帕博利珠单抗的数值。V2 的取值使 CLss 时的终末半衰期为 {half_life} 天（PD-1(L1)/VEGF 双特异性抗体综述，药代动力学：“The drug's elimination half-life was calculated at 9.85 days”）：令 β = ln 2 / t½，k21 = β (k10 + k12 − β) / (k10 − β)，V2 = Q / k21，得 V2 = {v2} L。相同容积下 CL0 时的终末半衰期为 {half_life_cl0} 天，这与 Vallathol 等（2025）所述“约 {seed_001} 天”（Pharmacology and Adverse Events of Ivonescimab）相符：较短的数值对应首剂，较长的对应稳态。"
            ).fill(lang, &[
                ("half_life", &f(c.half_life_at_clss_days, 4)),
                ("v2", &f(c.peripheral_volume_l, 4)),
                ("half_life_cl0", &f(c.half_life_at_cl0_days, 3)),
                ("seed_001", &f(s.terminal_half_life_reported_days.value, 2)),
            ])}</p>
            <h3>{t(tr!("Calibration 2: T50 from the time to steady state", "校准二：由达稳态时间确定 T50"))}</h3>
            <p>{tr!(
                "The review of PD-1(L1)/VEGF bispecifics (Pharmacokinetics) says steady-state concentrations were \"achieved by the 15th week\". The criterion used: at 20 mg/kg every 3 weeks (70 kg, 1-hour infusions), the trough just before the 6th dose (day 105, the end of week 15) is {pct} % of the steady-state trough with clearance at CLss. T50 is found by bisection: {t50} days (the trough ratio on day 105 is then {ratio}).",
                "PD-1(L1)/VEGF 双特异性抗体综述（药代动力学）称稳态浓度“achieved by the 15th week”。所用判据：20 mg/kg、每 3 周一次（70 kg，1 小时输注）时，第 6 剂前（第 105 天，即第 15 周末）的谷浓度达到清除率为 CLss 时稳态谷浓度的 {pct}%。用二分法求得 T50 = {t50} 天（此时第 105 天的谷浓度比为 {ratio}）。"
            ).fill(lang, &[
                ("pct", &f(s.steady_state_trough_fraction.value * 100.0, 3)),
                ("t50", &f(c.clearance_t50_days, 4)),
                ("ratio", &f(c.trough_fraction_at_steady_state_day, 4)),
            ])}</p>
            <p class="msg msg-note" data-testid="t50-note">{tr!(
                "The design estimate of this model gave T50 as \"about 45 days\". That figure is not reproduced here: the criterion above gives {t50} days; reading \"by the 15th week\" as the last trough before week 15 begins (day 84, before the 5th dose) gives {day84} days. 45 days lies between the two. The app uses {t50} days and states its criterion; edit T50 to explore the others.",
                "本模型的设计估算给出 T50“约 45 天”，此处未能重现：上述判据得 {t50} 天；若把“by the 15th week”理解为第 15 周开始前的最后一次谷浓度（第 84 天，第 5 剂前），则得 {day84} 天。45 天介于两者之间。本应用采用 {t50} 天并说明其判据；可修改 T50 以探索其他取值。"
            ).fill(lang, &[
                ("t50", &f(c.clearance_t50_days, 4)),
                ("day84", &day84.map(|v| f(v, 3)).unwrap_or_else(|| "—".into())),
            ])}</p>
            <p class="msg msg-note" data-testid="clearance-note">{tr!(
                "The review of PD-1(L1)/VEGF bispecifics calls the fall from {cl0} to {clss} L/day \"a 26% reduction\"; those two figures give {fall} % (1 − {clss}/{cl0}). Both clearances are used as printed.",
                "PD-1(L1)/VEGF 双特异性抗体综述称清除率由 {cl0} 降至 {clss} L/天为“a 26% reduction”；这两个数值实际对应 {fall}%（1 − {clss}/{cl0}）。两个清除率均按原文使用。"
            ).fill(lang, &[
                ("cl0", &n(m.clearance_first_dose_l_per_day)),
                ("clss", &n(m.clearance_steady_state_l_per_day)),
                ("fall", &f(fall * 100.0, 3)),
            ])}</p>
            <h3>{t(tr!("Body weight", "体重"))}</h3>
            <p>{t(tr!(
                "The review of PD-1(L1)/VEGF bispecifics (Pharmacokinetics): body weight (31 to 155 kg), age and sex did not significantly influence ivonescimab's pharmacokinetics. The model therefore has no weight effect: with mg/kg dosing the dose, and so every concentration and AUC, is proportional to weight (a 100 kg patient has 100/70 times the exposure of a 70 kg one), while a flat dose gives the same exposure at any weight. The allometric exponents (allo_cl, allo_v; clearances × (W/70)^allo_cl, volumes × (W/70)^allo_v) let you explore the alternative, e.g. 0.75 and 1.",
                "PD-1(L1)/VEGF 双特异性抗体综述（药代动力学）：体重（31 至 155 kg）、年龄和性别对依沃西单抗的药代动力学无显著影响。因此模型不含体重效应：按 mg/kg 给药时，剂量以及所有浓度和 AUC 与体重成正比（100 kg 患者的暴露量是 70 kg 患者的 100/70 倍），而固定剂量在任何体重下暴露量相同。异速生长指数（allo_cl、allo_v；清除率 × (W/70)^allo_cl，容积 × (W/70)^allo_v）可用于探索其他假设，例如 0.75 和 1。"
            ))}</p>
            <h3>{t(tr!("Between-patient variability", "个体间变异"))}</h3>
            <p>{tr!(
                "Virtual patients draw CL (CL0 and CLss together) and V1 from independent log-normal distributions, ω² = ln(1 + CV²), with CV {cv_cl} % and {cv_v1} % (median of anti-PD-1 population PK models, Shang et al., Front Immunol 2022;13:871372). The random numbers come from the seed (SplitMix64), so a link reproduces the same bands. Percentiles interpolate between order statistics.",
                "虚拟患者的 CL（CL0 与 CLss 同步）和 V1 分别取自独立的对数正态分布，ω² = ln(1 + CV²)，CV 为 {cv_cl}% 和 {cv_v1}%（抗 PD-1 群体药代动力学模型的中位数，Shang 等，Front Immunol 2022;13:871372）。随机数由种子（SplitMix64）生成，因此同一链接可重现相同的区间带。百分位数在顺序统计量之间插值。"
            ).fill(lang, &[
                ("cv_cl", &n(s.cv_clearance_percent.value)),
                ("cv_v1", &n(s.cv_central_volume_percent.value)),
            ])}</p>
            <h3>{t(tr!("IC50 reference lines", "IC50 参考线"))}</h3>
            <p>{tr!(
                "Vallathol et al. 2025 (Mechanism of Action and Discovery of Ivonescimab) reports in vitro IC50s of {pd1} nM for PD-1 signalling and {vegf} nM for VEGF signalling. Concentrations in µg/mL need a molecular weight, which the sources do not give: {mw} kDa is assumed. µg/mL = nM × kDa / 1000, so {pd1} nM is {pd1_ug} µg/mL and {vegf} nM is {vegf_ug} µg/mL. In vitro potency is not a target trough.",
                "Vallathol 等（2025）（Mechanism of Action and Discovery of Ivonescimab）报告体外 IC50：PD-1 信号 {pd1} nM，VEGF 信号 {vegf} nM。换算为 µg/mL 需要分子量，来源未给出：此处假定为 {mw} kDa。µg/mL = nM × kDa / 1000，因此 {pd1} nM 为 {pd1_ug} µg/mL，{vegf} nM 为 {vegf_ug} µg/mL。体外效价并非目标谷浓度。"
            ).fill(lang, &[
                ("pd1", &n(pd1)),
                ("vegf", &n(vegf)),
                ("mw", &n(mw)),
                ("pd1_ug", &f(pd1 * mw / 1000.0, 4)),
                ("vegf_ug", &f(vegf * mw / 1000.0, 4)),
            ])}</p>
            <h3>{t(tr!("Metrics", "指标"))}</h3>
            <ul>
                <li>{t(tr!("First: the interval after dose 1. Steady state (ss): the interval after the last dose, up to when the next dose would be given.", "首剂：第 1 剂后的给药间隔。稳态（ss）：末剂后至下一剂本应给药时的间隔。"))}</li>
                <li>{t(tr!("Cmax: the highest concentration in the interval (the end of the infusion). Ctrough: the concentration at the end of the interval.", "Cmax：间隔内的最高浓度（输注结束时）。Ctrough：间隔结束时的浓度。"))}</li>
                <li>{t(tr!("AUC: the area under the curve over the last interval. Rac: Ctrough,ss / Ctrough,first. t90ss: days from the first dose to the first pre-dose trough that reaches 90 % of the last trough.", "AUC：末次间隔的曲线下面积。Rac：稳态 Ctrough / 首剂 Ctrough。t90ss：自首剂起至首个达到末次谷浓度 90% 的给药前谷浓度的天数。"))}</li>
            </ul>
            <p class="hint">{t(tr!(
                "Sources: the review of PD-1(L1)/VEGF bispecific antibodies in solid tumours; Vallathol DH, Menon A, Warriar AR. Ivonescimab: The Two Pronged Attack. Ind J Med Paediatr Oncol 2025, doi 10.1055/s-0045-1809539; Ahamadi M et al., CPT Pharmacometrics Syst Pharmacol 2017;6:49; Bajaj G et al., CPT Pharmacometrics Syst Pharmacol 2017;6:58; Shang J et al., Front Immunol 2022;13:871372.",
                "来源：实体瘤中 PD-1(L1)/VEGF 双特异性抗体综述；Vallathol DH, Menon A, Warriar AR. Ivonescimab: The Two Pronged Attack. Ind J Med Paediatr Oncol 2025, doi 10.1055/s-0045-1809539；Ahamadi M 等，CPT Pharmacometrics Syst Pharmacol 2017;6:49；Bajaj G 等，CPT Pharmacometrics Syst Pharmacol 2017;6:58；Shang J 等，Front Immunol 2022;13:871372。"
            ))}</p>
        </section>
    }
}
