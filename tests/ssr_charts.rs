//! The charts' output pinned for fixed data: the line chart's exported SVG file and the
//! components as rendered in the page (Yew's server renderer; the line chart before it has
//! measured its width). Each is pinned by its FNV-1a 64 hash and length, so any change of
//! layout, markup or words shows here; the failure message prints the text to compare.

use ivocalc::i18n::{key, Lang};
use ivocalc::pk::{default_model, default_regimen, simulate};
use ivocalc::scenario::pk::TimeUnit;
use ivocalc::views::pk::export::{chart_data, ChartOptions, Curve};
use ivocalc::widgets::bars::{BarChart, BarChartProps, BarGroup};
use ivocalc::widgets::chart::{
    plot_height_for, readout_text, to_svg_string, Band, ChartData, LineChart, LineChartProps,
    RefLine, Series,
};
use ivocalc::widgets::forest::{ForestPlot, ForestPlotProps, ForestRow};
use std::rc::Rc;
use yew::{AttrValue, ServerRenderer};

/// A chart with every kind of shape: two series with dose markers (one with a gap), both
/// bands, two reference lines, text to escape and non-ASCII text.
fn sample(log_y: bool) -> ChartData {
    ChartData {
        title: "Pinned \"chart\" <&> µg".into(),
        x_label: "Time (days)".into(),
        x_name: "Day".into(),
        y_label: "µg/mL".into(),
        y_unit: "µg/mL".into(),
        series: vec![
            Series {
                label: "20 mg/kg Q3W (inputs)".into(),
                xs: vec![0.0, 0.5, 1.0, 2.0, 3.0, 4.0],
                ys: vec![0.0, 420.0, 300.0, 150.0, 80.0, 40.0],
                style: 0,
                markers: vec![0.0, 3.0],
            },
            Series {
                label: "Population median".into(),
                xs: vec![0.0, 1.0, 2.0, 3.0, 4.0],
                ys: vec![0.0, 280.0, 140.0, 70.0, f64::NAN],
                style: 3,
                markers: vec![],
            },
        ],
        bands: vec![
            Band {
                label: "5-95 % of patients".into(),
                xs: vec![0.0, 1.0, 2.0, 3.0, 4.0],
                lower: vec![0.0, 150.0, 60.0, 25.0, 9.0],
                upper: vec![0.0, 450.0, 260.0, 130.0, 70.0],
                style: 0,
                inner: false,
            },
            Band {
                label: "25-75 %".into(),
                xs: vec![0.0, 1.0, 2.0, 3.0, 4.0],
                lower: vec![0.0, 220.0, 100.0, 45.0, 20.0],
                upper: vec![0.0, 350.0, 190.0, 95.0, 50.0],
                style: 0,
                inner: true,
            },
        ],
        ref_lines: vec![
            RefLine {
                label: "PD-1 signalling IC50 22.54 nM = 4.51 µg/mL".into(),
                y: 4.508,
            },
            RefLine {
                label: "VEGF signalling IC50 3.13 nM = 0.626 µg/mL".into(),
                y: 0.626,
            },
        ],
        log_y,
    }
}

#[test]
fn svg_export_is_pinned() {
    for (log_y, width, hash, len) in [
        (false, 600.0, 0xda9d_458e_4329_a4c4, 5381),
        (true, 600.0, 0x68f5_4930_dc1d_fd49, 5307),
        (false, 360.0, 0xf947_dfd7_5ed8_ad6f, 5258),
    ] {
        let svg = to_svg_string(&sample(log_y), width, plot_height_for(width));
        assert_eq!(
            (key(&svg), svg.len()),
            (hash, len),
            "log {log_y}, {width} px:\n{svg}"
        );
    }
}

async fn render(log_y: bool) -> String {
    ServerRenderer::<LineChart>::with_props(move || {
        yew::props!(LineChartProps {
            data: Rc::new(sample(log_y)),
            id: Some(AttrValue::from("pinned")),
        })
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn component_is_pinned() {
    for (log_y, hash, len) in [
        (false, 0x26ac_f9d9_13ed_3704, 6153),
        (true, 0x2e9e_4d33_3f49_c4d5, 6069),
    ] {
        let html = render(log_y).await;
        assert_eq!(
            (key(&html), html.len()),
            (hash, len),
            "log {log_y}:\n{html}"
        );
    }
}

async fn render_bars() -> String {
    ServerRenderer::<BarChart>::with_props(|| {
        yew::props!(BarChartProps {
            id: AttrValue::from("bars"),
            title: AttrValue::from("ORR and DCR, % of patients"),
            series: vec![AttrValue::from("ORR"), AttrValue::from("DCR")],
            groups: vec![
                BarGroup {
                    label: "HARMONi-2 <ivonescimab>".into(),
                    values: vec![Some(50.0), Some(89.9)],
                },
                BarGroup {
                    label: "TNBC".into(),
                    values: vec![Some(72.4), None],
                },
            ],
            unit: AttrValue::from("%"),
            max: Some(100.0),
        })
    })
    .hydratable(false)
    .render()
    .await
}

async fn render_forest() -> String {
    let row = |label: &str, estimate, low, high, qualifier: Option<&str>| ForestRow {
        label: label.into(),
        estimate,
        low,
        high,
        qualifier: qualifier.map(String::from),
    };
    let rows = vec![
        row(
            "HARMONi-2",
            0.51,
            Some(0.38),
            Some(0.69),
            Some("stratified"),
        ),
        row("HARMONi-A", 0.46, Some(0.34), None, None),
        row("No interval", 0.8, None, None, None),
    ];
    ServerRenderer::<ForestPlot>::with_props(move || {
        yew::props!(ForestPlotProps {
            id: AttrValue::from("forest"),
            title: AttrValue::from("Hazard ratios for PFS"),
            rows: rows.clone(),
            axis_label: AttrValue::from("Hazard ratio (log scale)"),
            favours_left: AttrValue::from("favours the bispecific"),
            favours_right: AttrValue::from("favours the comparator"),
        })
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn bars_and_forest_are_pinned() {
    let html = render_bars().await;
    assert_eq!(
        (key(&html), html.len()),
        (0x9faa_b17a_4817_dd59, 2874),
        "bars:
{html}"
    );
    let html = render_forest().await;
    assert_eq!(
        (key(&html), html.len()),
        (0xdee9_5e2e_a98b_c4a2, 3150),
        "forest:
{html}"
    );
}

/// Loads the Chinese translation pack the build wrote.
fn install_chinese() {
    let path = format!("{}/{}", env!("OUT_DIR"), ivocalc::i18n::ZH_PACK_FILE);
    let file = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    ivocalc::i18n::Pack::install(&file);
    assert!(ivocalc::i18n::Pack::is_loaded());
}

#[tokio::test]
async fn charts_speak_the_readers_language() {
    install_chinese();
    let html = ServerRenderer::<LineChart>::with_props(|| {
        yew::props!(LineChartProps {
            data: Rc::new(sample(false)),
            lang: Lang::ZhCn,
        })
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("。方向键沿时间轴移动读数。"), "{html}");
    assert!(html.contains("即可读取时间和浓度"), "{html}");
    // Day 1: the first curve at 300 µg/mL, the outer band 150 to 450.
    assert_eq!(
        readout_text(&sample(false), 1.0, Lang::ZhCn),
        "Day 1 · 20 mg/kg Q3W (inputs)：300 µg/mL · Population median：280 µg/mL · 5-95 % of patients：150 至 450 µg/mL"
    );
    let bars = ServerRenderer::<BarChart>::with_props(|| {
        yew::props!(BarChartProps {
            id: AttrValue::from("bars"),
            title: AttrValue::from("ORR"),
            series: vec![AttrValue::from("ORR")],
            groups: vec![BarGroup {
                label: "TNBC".into(),
                values: vec![None],
            }],
            lang: Lang::ZhCn,
        })
    })
    .hydratable(false)
    .render()
    .await;
    for words in [
        "图表数据表",
        "ORR 未报告",
        "TNBC：ORR 未报告。",
        ">项目<",
        ">数值<",
    ] {
        assert!(bars.contains(words), "{words}: {bars}");
    }
    let forest = ServerRenderer::<ForestPlot>::with_props(|| {
        yew::props!(ForestPlotProps {
            id: AttrValue::from("forest"),
            title: AttrValue::from("HR"),
            rows: vec![ForestRow {
                label: "HARMONi-A".into(),
                estimate: 0.46,
                low: Some(0.34),
                high: None,
                qualifier: None,
            }],
            axis_label: AttrValue::from("HR"),
            lang: Lang::ZhCn,
        })
    })
    .hydratable(false)
    .render()
    .await;
    for words in ["0.46（95%置信区间 0.34–未给出）", ">估计值<"] {
        assert!(forest.contains(words), "{words}: {forest}");
    }
    // The PK view's chart words.
    let regimen = default_regimen();
    let curve = Curve {
        label: "20 mg/kg Q3W".into(),
        simulation: Rc::new(
            simulate(&default_model(), &regimen).unwrap_or_else(|e| panic!("{e:?}")),
        ),
    };
    let data = chart_data(
        &[curve],
        None,
        ChartOptions {
            log_y: true,
            time_unit: TimeUnit::Weeks,
            reference_mw_kda: Some(200.0),
            lang: Lang::ZhCn,
        },
    );
    assert_eq!(data.title, "依沃西单抗血清浓度随时间变化：20 mg/kg Q3W");
    assert_eq!(data.x_label, "首次给药后时间（周）");
    assert_eq!(data.x_name, "周");
    assert_eq!(data.y_label, "浓度（µg/mL，对数坐标）");
    assert_eq!(
        data.ref_lines[0].label,
        "PD-1 信号通路 IC50 22.54 nM = 4.51 µg/mL"
    );
}
