//! The project's real figures file, and a way to change one value of it for a test.
#![allow(dead_code)] // each test crate uses a part

use reassurance_force::figures::{self, DataError, Figures};

/// The figures file as committed.
pub const FIGURES_JSON: &str = include_str!("../../www/data/figures.json");

/// The committed figures, parsed.
pub fn real() -> Result<Figures, DataError> {
    figures::parse(FIGURES_JSON)
}

/// The committed figures file with `edit` applied to its JSON tree.
pub fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut tree: serde_json::Value = serde_json::from_str(FIGURES_JSON).unwrap_or_default();
    edit(&mut tree);
    tree.to_string()
}

/// Sets `field` of the figure with `id` to `value` in a JSON tree.
pub fn set_field(tree: &mut serde_json::Value, id: &str, field: &str, value: serde_json::Value) {
    if let Some(list) = tree.get_mut("figures").and_then(|f| f.as_array_mut()) {
        for figure in list {
            if figure.get("id").and_then(|v| v.as_str()) == Some(id) {
                figure[field] = value.clone();
            }
        }
    }
}

/// Sets the value at a JSON pointer (`/charts/troop_share/armies/2`) in a JSON tree.
pub fn set_at(tree: &mut serde_json::Value, pointer: &str, value: serde_json::Value) {
    if let Some(slot) = tree.pointer_mut(pointer) {
        *slot = value;
    }
}
