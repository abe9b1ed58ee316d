//! Ticks of an axis: "nice" linear steps (1, 2 or 5 × 10ⁿ), logarithmic ticks, domains
//! widened to them, and the tick labels.

use super::ordered;
use crate::format::significant;

/// The step of 1, 2 or 5 × 10ⁿ that cuts `span` into about `target` intervals (at least one).
pub fn nice_step(span: f64, target: usize) -> f64 {
    let span = span.abs();
    if !span.is_finite() || span == 0.0 {
        return 1.0;
    }
    let raw = span / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// `[min, max]` widened outward to whole multiples of the nice step for about `target`
/// intervals. An empty or reversed range is widened around its value.
pub fn nice_domain(min: f64, max: f64, target: usize) -> (f64, f64) {
    let (lo, hi) = ordered(min, max);
    let (lo, hi) = if hi - lo > 0.0 {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        let pad = lo.abs() * 0.1;
        (lo - pad, hi + pad)
    };
    let step = nice_step(hi - lo, target);
    (
        clean((lo / step).floor() * step),
        clean((hi / step).ceil() * step),
    )
}

/// Ticks at whole multiples of the nice step inside `[min, max]` (ends included when they
/// fall on a multiple).
pub fn linear_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    let (lo, hi) = ordered(min, max);
    if !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    if hi == lo {
        return vec![lo];
    }
    if !(hi - lo).is_finite() {
        // A span beyond f64 (e.g. −1e308 to 1e308) has no step to count in.
        return Vec::new();
    }
    let step = nice_step(hi - lo, target);
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).map(|i| clean(i as f64 * step)).collect()
}

/// Ticks of a logarithmic axis inside `[min, max]` (both > 0): 1, 2, 5 × 10ⁿ when the range
/// spans less than about three decades, else powers of ten only.
pub fn log_ticks(min: f64, max: f64) -> Vec<f64> {
    let (lo, hi) = ordered(min, max);
    if lo.is_nan() || lo <= 0.0 || !hi.is_finite() {
        return Vec::new();
    }
    let first = lo.log10().floor() as i32;
    let last = hi.log10().ceil() as i32;
    let mantissas: &[f64] = if last - first <= 3 {
        &[1.0, 2.0, 5.0]
    } else {
        &[1.0]
    };
    let mut out = Vec::new();
    for e in first..=last {
        for m in mantissas {
            let v = clean(m * 10f64.powi(e));
            if v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9) {
                out.push(v);
            }
        }
    }
    out
}

/// `[min, max]` (both > 0) widened outward to the nearest 1, 2 or 5 × 10ⁿ.
pub fn log_domain(min: f64, max: f64) -> (f64, f64) {
    let (lo, hi) = ordered(min, max);
    if lo.is_nan() || lo <= 0.0 || !hi.is_finite() {
        return (0.1, 10.0);
    }
    let down = |x: f64| {
        let p = 10f64.powf(x.log10().floor());
        let m = x / p;
        let m = if m >= 5.0 {
            5.0
        } else if m >= 2.0 {
            2.0
        } else {
            1.0
        };
        clean(m * p)
    };
    let up = |x: f64| {
        let p = 10f64.powf(x.log10().floor());
        let m = x / p;
        let m = if m <= 1.0 + 1e-12 {
            1.0
        } else if m <= 2.0 {
            2.0
        } else if m <= 5.0 {
            5.0
        } else {
            10.0
        };
        clean(m * p)
    };
    let (a, b) = (down(lo), up(hi));
    if a == b {
        (down(a * 0.99), up(b * 1.01))
    } else {
        (a, b)
    }
}

/// A tick label: up to four significant figures, no trailing zeros, no "-0"; empty for a
/// value that is not finite.
pub fn tick_label(value: f64) -> String {
    if value.is_finite() {
        significant(value, 4)
    } else {
        String::new()
    }
}

/// Removes floating-point dust (0.30000000000000004 → 0.3) from tick values.
fn clean(v: f64) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let digits = 12 - v.abs().log10().floor() as i32;
    if !(0..=300).contains(&digits) {
        return v;
    }
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps_are_1_2_5_times_a_power_of_ten() {
        // 0..100 in 5 intervals: raw 20 → 20
        assert_eq!(nice_step(100.0, 5), 20.0);
        // 0..100 in 4: raw 25 → fraction 2.5 → 5 × 10 = 50
        assert_eq!(nice_step(100.0, 4), 50.0);
        // 0..1 in 10: raw 0.1 → 0.1
        assert!((nice_step(1.0, 10) - 0.1).abs() < 1e-15);
        // 0..7 in 5: raw 1.4 → 2
        assert_eq!(nice_step(7.0, 5), 2.0);
        // 0..0.03 in 3: raw 0.01 → 0.01
        assert!((nice_step(0.03, 3) - 0.01).abs() < 1e-15);
        assert_eq!(nice_step(0.0, 5), 1.0);
        assert_eq!(nice_step(f64::NAN, 5), 1.0);
    }

    #[test]
    fn linear_ticks_fall_on_multiples_of_the_step() {
        assert_eq!(
            linear_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        // 0.3 must be exactly 0.3, not 0.30000000000000004
        assert_eq!(
            linear_ticks(0.0, 1.0, 10)[3],
            0.3,
            "floating-point dust removed"
        );
        // 3..17 by 2 (raw 14/5 = 2.8 → 5): 5, 10, 15
        assert_eq!(linear_ticks(3.0, 17.0, 5), vec![5.0, 10.0, 15.0]);
        assert_eq!(linear_ticks(17.0, 3.0, 5), vec![5.0, 10.0, 15.0]);
        assert_eq!(
            linear_ticks(-10.0, 10.0, 4),
            vec![-10.0, -5.0, 0.0, 5.0, 10.0]
        );
        assert_eq!(linear_ticks(4.0, 4.0, 5), vec![4.0]);
        assert!(linear_ticks(f64::NAN, 1.0, 5).is_empty());
        // The span 2e308 overflows to infinity: no ticks rather than a count in steps of 1.
        assert!(linear_ticks(-1e308, 1e308, 5).is_empty());
    }

    #[test]
    fn steps_and_ticks_of_a_time_axis() {
        // 0..357 days in 5: raw 71.4 → fraction 7.14 → 10 × 10 = 100
        assert_eq!(nice_step(357.0, 5), 100.0);
        // 10 in 5: raw 2 → 2
        assert_eq!(nice_step(10.0, 5), 2.0);
        // 0.3 in 3: raw 0.1 → 0.1
        assert_eq!(nice_step(0.3, 3), 0.1);
        assert_eq!(linear_ticks(0.0, 357.0, 5), vec![0.0, 100.0, 200.0, 300.0]);
        // three decades: 1, 2, 5 in each
        assert_eq!(
            log_ticks(1.0, 1000.0),
            vec![1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0]
        );
        // six decades: 0.01, 0.1, 1, 10, 100, 1000, 10000
        assert_eq!(log_ticks(0.01, 1e4).len(), 7);
    }

    #[test]
    fn nice_domain_widens_outward() {
        assert_eq!(nice_domain(3.0, 97.0, 5), (0.0, 100.0));
        assert_eq!(nice_domain(0.0, 0.0, 5), (0.0, 1.0));
        // 50 alone: ±5 → 45..55, step 2 → 44..56
        assert_eq!(nice_domain(50.0, 50.0, 5), (44.0, 56.0));
        assert_eq!(nice_domain(12.0, 2.0, 5), (2.0, 12.0));
    }

    #[test]
    fn log_ticks_use_1_2_5_per_decade_or_powers_of_ten() {
        assert_eq!(log_ticks(0.2, 2.0), vec![0.2, 0.5, 1.0, 2.0]);
        assert_eq!(
            log_ticks(0.1, 10.0),
            vec![0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]
        );
        assert_eq!(log_ticks(0.3, 0.9), vec![0.5]);
        // five decades: powers of ten only
        assert_eq!(
            log_ticks(0.01, 1000.0),
            vec![0.01, 0.1, 1.0, 10.0, 100.0, 1000.0]
        );
        assert!(log_ticks(0.0, 1.0).is_empty());
        assert!(log_ticks(-1.0, 1.0).is_empty());
    }

    #[test]
    fn log_domain_widens_to_1_2_5() {
        // HRs 0.38..0.96 (HARMONi-2 CI 0.38 and a wide upper bound) → 0.2..1
        assert_eq!(log_domain(0.38, 0.96), (0.2, 1.0));
        assert_eq!(log_domain(0.46, 1.4), (0.2, 2.0));
        assert_eq!(log_domain(0.51, 5.5), (0.5, 10.0));
        // 1 exactly stays 1 on the high side
        assert_eq!(log_domain(0.3, 1.0), (0.2, 1.0));
        assert_eq!(log_domain(-1.0, 2.0), (0.1, 10.0));
        let (a, b) = log_domain(1.0, 1.0);
        assert!(a < 1.0 && b > 1.0);
    }
}
