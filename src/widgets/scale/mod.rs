//! Axes for SVG charts: "nice" linear ticks, logarithmic ticks, and the maps from data values
//! to pixels. Pure functions, shared by every chart (trials bars and forest plot, PK curve).
//!
//! * [`ticks`]: steps, ticks, domains and tick labels;
//! * [`maps`]: [`LinearScale`], [`LogScale`] and [`Scale`], data values to pixels and back.

mod maps;
mod ticks;

pub use maps::{LinearScale, LogScale, Scale};
pub use ticks::{linear_ticks, log_domain, log_ticks, nice_domain, nice_step, tick_label};

/// Pixel coordinates for SVG attributes: at most two decimals.
pub fn px(value: f64) -> String {
    let text = format!("{:.2}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.to_string()
    }
}

/// The two values in ascending order.
fn ordered(a: f64, b: f64) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_short() {
        assert_eq!(tick_label(0.5), "0.5");
        assert_eq!(tick_label(20.0), "20");
        assert_eq!(tick_label(0.30000000000000004), "0.3");
        assert_eq!(tick_label(1234.6), "1235");
        assert_eq!(tick_label(-0.0), "0");
        assert_eq!(px(12.3456), "12.35");
        assert_eq!(px(-0.001), "0");
        assert_eq!(px(40.0), "40");
    }
}
