//! Value axes: a round upper bound and evenly spaced ticks that cover the data.

/// A value axis from zero to `max`, with ticks every `step`.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The upper bound, a whole number of steps.
    pub max: f64,
    /// The distance between ticks.
    pub step: f64,
}

impl Axis {
    /// An axis from zero that holds `largest` with a little room to spare, in about `ticks` steps.
    /// Zero, negative or non-finite input gives the axis 0–1.
    #[must_use]
    pub fn covering(largest: f64, ticks: u32) -> Self {
        if !largest.is_finite() || largest <= 0.0 {
            return Self {
                max: 1.0,
                step: 0.25,
            };
        }
        let step = round_step(largest / f64::from(ticks.max(1)));
        let max = (largest / step).ceil() * step;
        Self { max, step }
    }

    /// The tick values from zero to the upper bound.
    #[must_use]
    pub fn ticks(&self) -> Vec<f64> {
        let count = (self.max / self.step).round() as usize;
        (0..=count).map(|i| i as f64 * self.step).collect()
    }

    /// Where `value` sits along the axis, from 0 (zero) to 1 (the upper bound), clamped.
    #[must_use]
    pub fn fraction(&self, value: f64) -> f64 {
        if self.max > 0.0 && value.is_finite() {
            (value / self.max).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `raw`.
#[must_use]
pub fn round_step(raw: f64) -> f64 {
    // Below 1e-300, one over a power of ten would soon leave the doubles: such a value takes
    // the step 1, as zero does.
    if !raw.is_finite() || raw < 1e-300 {
        return 1.0;
    }
    // The largest power of ten at most `raw`, by exact steps of ten (a whole power, or one over
    // it): the library's `log10` and `powf` would bring their general code into the wasm.
    let mut whole = 1.0_f64;
    let power = if raw >= 1.0 {
        while whole * 10.0 <= raw {
            whole *= 10.0;
        }
        whole
    } else {
        while 1.0 / whole > raw {
            whole *= 10.0;
        }
        1.0 / whole
    };
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&step| step >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}
