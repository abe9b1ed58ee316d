//! Maps from data values to pixels: linear, logarithmic, or either chosen at run time.

use super::ordered;
use super::ticks::{linear_ticks, log_ticks};

/// A straight map from a data interval to a pixel interval (pixels may run backwards, as a
/// y axis does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        LinearScale { domain, range }
    }

    /// Pixel position of a data value (values outside the domain map outside the range).
    pub fn px(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Data value at a pixel position.
    pub fn value(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }

    /// Pixel position clamped to the range.
    pub fn px_clamped(&self, value: f64) -> f64 {
        let (lo, hi) = ordered(self.range.0, self.range.1);
        self.px(value).clamp(lo, hi)
    }
}

/// A logarithmic map (base 10) from a positive data interval to a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LogScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        LogScale { domain, range }
    }

    fn linear(&self) -> LinearScale {
        LinearScale::new((self.domain.0.log10(), self.domain.1.log10()), self.range)
    }

    /// Pixel position of a positive value; `None` for zero, negative or non-finite values.
    pub fn px(&self, value: f64) -> Option<f64> {
        (value > 0.0 && value.is_finite()).then(|| self.linear().px(value.log10()))
    }

    /// Pixel position clamped to the range; values ≤ 0 go to the low end.
    pub fn px_clamped(&self, value: f64) -> f64 {
        let (lo, hi) = ordered(self.range.0, self.range.1);
        match self.px(value) {
            Some(p) => p.clamp(lo, hi),
            None => self.range.0.clamp(lo, hi),
        }
    }

    pub fn value(&self, px: f64) -> f64 {
        10f64.powf(self.linear().value(px))
    }
}

/// A linear or logarithmic map chosen at run time (an axis the reader can switch).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    Linear(LinearScale),
    Log(LogScale),
}

impl Scale {
    /// A logarithmic scale when `log`, else a linear one.
    pub fn new(domain: (f64, f64), range: (f64, f64), log: bool) -> Self {
        if log {
            Scale::Log(LogScale::new(domain, range))
        } else {
            Scale::Linear(LinearScale::new(domain, range))
        }
    }

    pub fn is_log(&self) -> bool {
        matches!(self, Scale::Log(_))
    }

    pub fn domain(&self) -> (f64, f64) {
        match self {
            Scale::Linear(s) => s.domain,
            Scale::Log(s) => s.domain,
        }
    }

    pub fn range(&self) -> (f64, f64) {
        match self {
            Scale::Linear(s) => s.range,
            Scale::Log(s) => s.range,
        }
    }

    /// Pixel position of a value the scale can place (finite, and positive on a log scale);
    /// `None` for any other value.
    pub fn px(&self, value: f64) -> Option<f64> {
        match self {
            Scale::Linear(s) => value.is_finite().then(|| s.px(value)),
            Scale::Log(s) => s.px(value),
        }
    }

    /// Data value at a pixel position.
    pub fn value(&self, px: f64) -> f64 {
        match self {
            Scale::Linear(s) => s.value(px),
            Scale::Log(s) => s.value(px),
        }
    }

    /// Ticks over the domain: [`linear_ticks`] for about `target` intervals, or [`log_ticks`].
    pub fn ticks(&self, target: usize) -> Vec<f64> {
        let (lo, hi) = self.domain();
        match self {
            Scale::Linear(_) => linear_ticks(lo, hi, target),
            Scale::Log(_) => log_ticks(lo, hi),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_maps_both_ways_and_runs_backwards() {
        let x = LinearScale::new((0.0, 100.0), (40.0, 340.0));
        // 50 → 40 + 0.5 × 300 = 190
        assert_eq!(x.px(50.0), 190.0);
        assert_eq!(x.value(190.0), 50.0);
        assert_eq!(x.px_clamped(150.0), 340.0);
        let y = LinearScale::new((0.0, 10.0), (200.0, 0.0));
        // 2.5 → 200 − 0.25 × 200 = 150
        assert_eq!(y.px(2.5), 150.0);
        assert_eq!(y.px_clamped(-5.0), 200.0);
        assert_eq!(LinearScale::new((1.0, 1.0), (0.0, 10.0)).px(1.0), 5.0);
    }

    #[test]
    fn log_scale_puts_equal_ratios_at_equal_distances() {
        let x = LogScale::new((0.1, 10.0), (0.0, 200.0));
        // log10(1) = 0 sits halfway between −1 and 1
        assert!((x.px(1.0).unwrap_or(f64::NAN) - 100.0).abs() < 1e-9);
        // 0.5 and 2 are equally far from 1
        let left = 100.0 - x.px(0.5).unwrap_or(f64::NAN);
        let right = x.px(2.0).unwrap_or(f64::NAN) - 100.0;
        assert!((left - right).abs() < 1e-9);
        // log10(2) = 0.30103 → 100 + 0.30103 × 100
        assert!((right - 30.103).abs() < 1e-3);
        assert_eq!(x.px(0.0), None);
        assert_eq!(x.px(-1.0), None);
        assert_eq!(x.px_clamped(100.0), 200.0);
        assert_eq!(x.px_clamped(0.0), 0.0);
        assert!((x.value(100.0) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn run_time_scale_maps_and_inverts_either_way() {
        let s = Scale::new((0.0, 100.0), (50.0, 250.0), false);
        assert!(!s.is_log());
        // 50 → 50 + 0.5 × 200 = 150
        assert_eq!(s.px(50.0), Some(150.0));
        assert!((s.value(150.0) - 50.0).abs() < 1e-12);
        assert_eq!(
            s.px(-10.0),
            Some(30.0),
            "outside the domain maps outside the range"
        );
        assert_eq!(s.px(f64::NAN), None);
        assert_eq!(s.px(f64::INFINITY), None);
        assert_eq!(s.ticks(5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        let l = Scale::new((1.0, 1000.0), (300.0, 0.0), true);
        assert!(l.is_log());
        assert_eq!((l.domain(), l.range()), ((1.0, 1000.0), (300.0, 0.0)));
        // 10 is one decade of three up from 300 towards 0: 300 − 100 = 200
        assert!((l.px(10.0).unwrap_or(f64::NAN) - 200.0).abs() < 1e-9);
        assert!((l.value(100.0) - 100.0).abs() < 1e-9);
        assert_eq!(l.px(0.0), None);
        assert_eq!(l.px(-1.0), None);
        assert_eq!(l.ticks(5), log_ticks(1.0, 1000.0));
    }
}
