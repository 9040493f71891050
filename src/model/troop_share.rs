//! A proposed force against the armies it would come from: its share of the active personnel of
//! each group of countries the file names, and the armies it names ranked beside it.

use crate::figures::{DataError, Figures, Kind, TroopShareSpec, Unit};
use crate::model::panel::{bars_of, rank, Bar, Panel};
use crate::model::wording;

/// `part` as a percentage of `whole`; `None` when the whole is not a positive number.
#[must_use]
pub fn share_pct(part: f64, whole: f64) -> Option<f64> {
    (whole.is_finite() && whole > 0.0 && part.is_finite()).then(|| part / whole * 100.0)
}

/// The force's share of one total.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// The total the force is set against.
    pub total: Bar,
    /// The force as a percentage of that total, if both are known.
    pub pct: Option<f64>,
}

/// Everything the troop-share chart and its sentences need.
#[derive(Debug, Clone, PartialEq)]
pub struct TroopShare {
    /// The proposed force, as reported.
    pub force: Bar,
    /// The article's bound on the force's share of the first total, in percent.
    pub claim: Bar,
    /// The force's share of each total.
    pub shares: Vec<Share>,
    /// Derived share bars.
    pub share_panel: Panel,
    /// The largest armies and the force, ranked.
    pub army_panel: Panel,
}

impl TroopShare {
    /// Builds the chart's model from the figures the data file names, for a force of
    /// `force_size` (the reader's scenario), or of the size reported if `None`.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(
        figures: &Figures,
        spec: &TroopShareSpec,
        force_size: Option<u32>,
    ) -> Result<Self, DataError> {
        let mut force = Bar::of(figures.get(&spec.force)?, figures);
        if let Some(size) = force_size.map(f64::from) {
            if force.value != Some(size) {
                force.value = Some(size);
                force.kind = Kind::Scenario;
            }
        }
        let claim = Bar::of(figures.get(&spec.claim)?, figures);
        let shares: Vec<Share> = bars_of(&spec.totals, figures)?
            .into_iter()
            .map(|total| Share {
                pct: force
                    .value
                    .zip(total.value)
                    .and_then(|(f, t)| share_pct(f, t)),
                total,
            })
            .collect();
        let share_bars = shares.iter().map(|s| share_bar(&force, s)).collect();
        let share_panel = Panel::new(
            format!(
                "The {} force as a share of active personnel",
                force.value_text()
            ),
            Unit::Percent,
            share_bars,
        );
        let mut armies = bars_of(&spec.armies, figures)?;
        armies.push(force.clone());
        rank(&mut armies);
        let army_panel = Panel::new(spec.armies_title.clone(), Unit::Personnel, armies);
        Ok(Self {
            force,
            claim,
            shares,
            share_panel,
            army_panel,
        })
    }

    /// Whether the force's share of the first total is below the article's bound;
    /// `None` if either is unknown.
    #[must_use]
    pub fn claim_holds(&self) -> Option<bool> {
        let share = self.shares.first()?.pct?;
        Some(share < self.claim.value?)
    }

    /// The chart's takeaway in one sentence, computed from the figures.
    #[must_use]
    pub fn takeaway(&self) -> String {
        // The reported force's verdict is a fact; a reader's force gets a conditional.
        let (holds, fails, is) = if self.force.kind == Kind::AsReported {
            ("holds", "does not hold", "is")
        } else {
            ("would hold", "would not hold", "would be")
        };
        // Short sentences, the verdict first: the point of the chart.
        let mut sentences: Vec<String> = Vec::new();
        if let Some(ok) = self.claim_holds() {
            sentences.push(format!(
                "The article's “less than {}” {}.",
                self.claim.bare_value_text(),
                if ok { holds } else { fails }
            ));
        }
        let shares: Vec<(f64, &Share)> = self
            .shares
            .iter()
            .filter_map(|s| Some((s.pct?, s)))
            .collect();
        if shares.is_empty() {
            sentences.push(format!(
                "No share can be computed for a force of {}.",
                self.force.value_text()
            ));
        }
        for (i, (pct, share)) in shares.into_iter().enumerate() {
            sentences.push(if i == 0 {
                format!(
                    "A force of {} {is} {} of the active forces of {}.",
                    self.force.value_text(),
                    wording::percent(pct),
                    share.total.label
                )
            } else {
                format!(
                    "It {is} {} of those of {}.",
                    wording::percent(pct),
                    share.total.label
                )
            });
        }
        sentences.join(" ")
    }
}

fn share_bar(force: &Bar, share: &Share) -> Bar {
    let total = &share.total;
    Bar::derived(
        format!("share.{}.{}", force.id, total.id),
        format!(
            "{} ({})",
            wording::capitalised(&total.label),
            total.value_text()
        ),
        share.pct,
        Unit::Percent,
        total.measure.share(),
        total.years.clone(),
        format!("{} ÷ {}", force.value_text(), total.value_text()),
    )
}
