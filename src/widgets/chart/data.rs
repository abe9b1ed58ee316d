//! What a line chart shows, as its caller gives it: curves, bands, reference lines and the
//! words around them. Every text here is read as written (the caller writes it in the reader's
//! language).

/// One curve: x and y of equal length; non-finite y (or y <= 0 on a log axis) breaks the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// Colour and dash index, 0 to 3.
    pub style: usize,
    /// x positions drawn as short ticks along the top of the plot (dose times).
    pub markers: Vec<f64>,
}

/// A shaded range between `lower` and `upper` at each x.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub label: String,
    pub xs: Vec<f64>,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    /// Colour index of the series it belongs to.
    pub style: usize,
    /// The inner (darker) band.
    pub inner: bool,
}

/// A horizontal line at `y`, labelled.
#[derive(Clone, Debug, PartialEq)]
pub struct RefLine {
    pub label: String,
    pub y: f64,
}

/// Everything a chart shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartData {
    /// Accessible name and exported file's title.
    pub title: String,
    pub x_label: String,
    /// The x unit's name in the readout ("Day", "Week").
    pub x_name: String,
    pub y_label: String,
    /// The y unit in the readout ("µg/mL").
    pub y_unit: String,
    pub series: Vec<Series>,
    pub bands: Vec<Band>,
    pub ref_lines: Vec<RefLine>,
    pub log_y: bool,
}

/// Two series (one with a dose marker) and a reference line, for the tests of the chart's parts.
#[cfg(test)]
pub(super) fn sample(log_y: bool) -> ChartData {
    ChartData {
        title: "t <&>".into(),
        x_label: "Time (days)".into(),
        x_name: "Day".into(),
        y_label: "µg/mL".into(),
        y_unit: "µg/mL".into(),
        series: vec![
            Series {
                label: "a".into(),
                xs: vec![0.0, 1.0, 2.0],
                ys: vec![0.0, 100.0, 50.0],
                style: 0,
                markers: vec![0.0],
            },
            Series {
                label: "b".into(),
                xs: vec![0.0, 1.0, 2.0],
                ys: vec![0.0, 40.0, 20.0],
                style: 1,
                markers: vec![],
            },
        ],
        bands: vec![],
        ref_lines: vec![RefLine {
            label: "IC50".into(),
            y: 4.5,
        }],
        log_y,
    }
}
