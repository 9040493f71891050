//! A small figures file for tests that build their own data: a figure in each of several units,
//! a few measures, two places, no charts and no claims; a test adds what it is about.
#![allow(dead_code)] // each test crate uses a part

use serde_json::{json, Value};

/// The small file, as a JSON tree.
pub fn base() -> Value {
    let figure = |id: &str, value: f64, unit: &str, measure: &str| {
        json!({"id": id, "label": id, "value": value, "unit": unit, "kind": "reference",
               "measure": measure, "source": "s", "year": 2024})
    };
    json!({
        "sources": {"s": {"name": "Source", "title": "A source"}},
        "measures": {
            "plain": {"name": "a plain count", "definition": "Anything counted."},
            "in_fleet": {"name": "tanks in the fleet", "definition": "Every tank."},
            "ready": {"name": "tanks ready for use", "definition": "Tanks usable at once."},
            "ministry": {"name": "the ministry's budget", "definition": "The ministry alone."},
            "total": {"name": "total spending", "definition": "Everything."},
            "unstated": {"name": "a budget", "definition": "Not said which."},
            "ministry_growth": {"name": "growth of the ministry's budget",
                                "definition": "Its rise.", "growth_of": "ministry"},
            "total_growth": {"name": "growth of total spending", "definition": "Its rise.",
                             "growth_of": "total"},
            "attending": {"name": "countries taking part", "definition": "Countries there."},
            "attending_growth": {"name": "growth in countries taking part",
                                 "definition": "Its rise.", "growth_of": "attending"},
            "active": {"name": "active personnel", "definition": "Serving members."},
            "active_share": {"name": "share of active personnel", "definition": "A part of it.",
                             "share_of": "active"},
            "peak": {"name": "peak speed", "definition": "The highest speed."},
            "flight": {"name": "flight time", "definition": "Launch to impact."}
        },
        "places": [
            {"id": "a", "label": "A", "lat": 50.0, "lon": 30.0, "source": "s"},
            {"id": "b", "label": "B", "lat": 51.0, "lon": 30.0, "source": "s", "year": 2024}
        ],
        "figures": [
            figure("p", 100.0, "personnel", "plain"),
            figure("pc", 3.0, "percent", "plain"),
            figure("e", 1.0, "eur_bn", "plain"),
            figure("r", 1.1, "usd_per_eur", "plain"),
            figure("c", 10.0, "countries", "plain"),
            figure("n", 5.0, "count", "plain"),
            figure("mo", 12.0, "months", "plain"),
            figure("k", 100.0, "km", "plain"),
            figure("v", 6000.0, "km_per_h", "peak"),
            figure("mi", 15.0, "minutes", "flight")
        ],
        "charts": [],
        "claims": []
    })
}

/// Adds a figure as the article reports it.
pub fn reported(tree: &mut Value, id: &str, value: f64, unit: &str, measure: &str) {
    push(
        tree,
        "figures",
        json!({"id": id, "label": id, "value": value, "unit": unit, "kind": "as_reported",
               "measure": measure, "source": "s", "year": 2025}),
    );
}

/// Adds a reference figure.
pub fn reference(tree: &mut Value, id: &str, value: f64, unit: &str, measure: &str) {
    push(
        tree,
        "figures",
        json!({"id": id, "label": id, "value": value, "unit": unit, "kind": "reference",
               "measure": measure, "source": "s", "year": 2024}),
    );
}

/// Appends `item` to the list at `key`.
pub fn push(tree: &mut Value, key: &str, item: Value) {
    if let Some(list) = tree.get_mut(key).and_then(Value::as_array_mut) {
        list.push(item);
    }
}

/// Sets the value at a JSON pointer (`/claims/0/check/searched`), creating a missing last key.
pub fn set(tree: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    match tree.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(key.to_string(), value);
        }
        Some(slot) => {
            if let Some(inner) = slot.pointer_mut(&format!("/{key}")) {
                *inner = value;
            }
        }
        None => {}
    }
}

/// Sets `field` of the figure with `id`.
pub fn set_figure(tree: &mut Value, id: &str, field: &str, value: Value) {
    let figures = tree.get_mut("figures").and_then(Value::as_array_mut);
    for figure in figures.into_iter().flatten() {
        if figure.get("id").and_then(Value::as_str) == Some(id) {
            if let Some(map) = figure.as_object_mut() {
                map.insert(field.to_string(), value.clone());
            }
        }
    }
}
