//! A news explainer's engine: a story's figures, as its figures file declares them, shown as
//! reported, set against public reference figures, each with its source, year and measure, in
//! charts drawn in the browser and as static SVG, with the article's claims checked.
//!
//! Data flows one way: [`figures::parse`] reads and checks the figures file; [`model`] turns
//! figures into ranked, derived, labelled series (pure arithmetic); [`charts`] draws a model on
//! any plotters backend; the `web` module (wasm32 only) is the one place that touches the
//! browser. [`catalogue`] names every chart the file declares, so that the page, the static SVGs
//! and the tests agree on what exists.

pub mod atlas;
pub mod catalogue;
#[cfg(not(target_arch = "wasm32"))]
pub mod chart_program;
pub mod charts;
pub mod data_table;
pub mod figures;
#[cfg(not(target_arch = "wasm32"))]
pub mod frame_height;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod page_script;
#[cfg(not(target_arch = "wasm32"))]
pub mod page_skeleton;
pub mod point_reading;
mod postcard_cursor;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_embed;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_page;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_svg;

#[cfg(target_arch = "wasm32")]
pub mod web;
