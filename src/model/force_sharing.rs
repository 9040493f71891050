//! Sharing a force between nations, and what each nation's share costs its own army once
//! rotations are counted.

use crate::model::panel::sort_few;
use crate::model::scenario::Sharing;

/// Splits `total` whole units in proportion to `weights` so that the parts add up to `total`
/// exactly (largest remainders get the leftover units). A weight that is not a positive finite
/// number gets nothing; if no weight is usable, every part is zero.
#[must_use]
pub fn apportion(total: u32, weights: &[f64]) -> Vec<u32> {
    let usable = |w: f64| w.is_finite() && w > 0.0;
    let sum: f64 = weights.iter().copied().filter(|&w| usable(w)).sum();
    if sum <= 0.0 || !sum.is_finite() {
        return vec![0; weights.len()];
    }
    let quotas: Vec<f64> = weights
        .iter()
        .map(|&w| {
            if usable(w) {
                f64::from(total) * w / sum
            } else {
                0.0
            }
        })
        .collect();
    let mut parts: Vec<u32> = quotas.iter().map(|q| q.floor() as u32).collect();
    let given: u32 = parts.iter().sum();
    let mut order: Vec<usize> = (0..quotas.len())
        .filter(|&i| quotas.get(i).is_some_and(|&q| q > 0.0))
        .collect();
    let remainder = |i: usize| quotas.get(i).map_or(0.0, |q| q - q.floor());
    // Largest remainder first; the sort is stable, so ties keep the nations' order.
    sort_few(&mut order, |&a, &b| remainder(a) > remainder(b));
    for &i in order
        .iter()
        .cycle()
        .take(total.saturating_sub(given) as usize)
    {
        if let Some(part) = parts.get_mut(i) {
            *part += 1;
        }
    }
    parts
}

/// One nation's side of the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Nation {
    /// The nation's name.
    pub name: String,
    /// Its active personnel, if known.
    pub personnel: Option<f64>,
    /// Its defence budget, if known (any one currency for all nations).
    pub budget: Option<f64>,
}

/// What a nation contributes under a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// The nation's name.
    pub name: String,
    /// Troops deployed at any one time.
    pub deployed: u32,
    /// Troops tied up: deployed times the rotation factor.
    pub tied_up: u32,
    /// Tied-up troops as a percentage of the nation's active personnel, if known.
    pub share_of_army: Option<f64>,
}

/// Shares `force` between `nations` by `rule`, with `rotation` units committed per unit deployed.
/// Under a proportional rule, a nation whose weight is unknown contributes nothing.
#[must_use]
pub fn share_force(
    force: u32,
    rule: Sharing,
    rotation: u32,
    nations: &[Nation],
) -> Vec<Contribution> {
    let weights: Vec<f64> = nations
        .iter()
        .map(|n| match rule {
            Sharing::Equal => 1.0,
            Sharing::Personnel => n.personnel.unwrap_or(0.0),
            Sharing::Budget => n.budget.unwrap_or(0.0),
        })
        .collect();
    apportion(force, &weights)
        .into_iter()
        .zip(nations)
        .map(|(deployed, nation)| {
            let tied_up = deployed.saturating_mul(rotation);
            Contribution {
                name: nation.name.clone(),
                deployed,
                tied_up,
                share_of_army: nation
                    .personnel
                    .filter(|p| p.is_finite() && *p > 0.0)
                    .map(|p| f64::from(tied_up) / p * 100.0),
            }
        })
        .collect()
}
