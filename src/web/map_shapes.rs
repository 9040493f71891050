//! A map's shapes arrive after the charts: the loader fetches the maps' file only once a map
//! nears the screen (`figure[data-shapes]`) and hands its bytes here. Each map is drawn once its
//! sheet is read; if the file does not arrive or does not read, each map says why and keeps its
//! static version.

use std::rc::Rc;

use crate::atlas::Atlas;
use crate::web::figure_status::{self, Status};
use crate::web::{with_page, LiveChart, Page};

/// Hands the page the maps' file (`failure`: why it did not arrive, and `bytes` is empty).
#[cfg_attr(
    not(feature = "take-away"),
    wasm_bindgen::prelude::wasm_bindgen(js_name = addMaps)
)]
pub fn add_maps(bytes: &[u8], failure: Option<String>) {
    let atlas = match failure {
        Some(why) => Err(format!("the map's shapes did not arrive ({why})")),
        None => Atlas::from_bytes(bytes),
    };
    if let Some(next) = with_page(|page| {
        page.add_maps(atlas);
        page.next_step()
    }) {
        next.schedule();
    }
}

impl Page {
    /// Gives each map its sheet, to be drawn at the next frame, or shows why it has none; and
    /// keeps the file for the maps not yet made live.
    pub fn add_maps(&mut self, atlas: Result<Atlas, String>) {
        for chart in &mut self.charts {
            chart.add_map(&atlas);
        }
        if !self.unmade.is_empty() {
            self.atlas = Some(atlas);
        }
    }
}

impl LiveChart {
    /// Gives the chart its sheet from the maps' file, if it is a map, to be drawn at the next
    /// frame; or shows why it has none.
    pub fn add_map(&mut self, atlas: &Result<Atlas, String>) {
        let Some(slug) = self.model.map_sheet() else {
            return;
        };
        match atlas.as_ref().map(|a| a.sheet(slug)) {
            Ok(Some(sheet)) => {
                self.sheet = Some(Rc::new(sheet.clone()));
                self.ground.forget();
                self.dirty = true;
            }
            Ok(None) => figure_status::show(
                &self.figure,
                &Status::Failed(format!("{slug}: the maps' file has no map of this name")),
            ),
            Err(why) => figure_status::show(&self.figure, &Status::Failed(why.clone())),
        }
    }
}
