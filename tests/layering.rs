//! The layers of ARCHITECTURE.md, read from the source: the model never names the charts, the
//! catalogue or the web layer; the charts never name the web layer; the figures never name the
//! model, the charts, the catalogue or the web layer; and only `src/web/` names the browser's
//! crates (`web_sys`, `js_sys`, `wasm_bindgen`).
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The code of a source file: each line without its comment (a `//` outside a string).
fn code_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let mut in_string = false;
            let mut out = String::new();
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '"' {
                    in_string = !in_string;
                } else if !in_string && c == '/' && chars.peek() == Some(&'/') {
                    break;
                }
                out.push(c);
            }
            out
        })
        .collect()
}

/// What a file names that its layer may not: `(line number, the offending line)`.
fn forbidden_in(text: &str, names: &[&str]) -> Vec<(usize, String)> {
    code_lines(text)
        .into_iter()
        .enumerate()
        .filter(|(_, line)| names.iter().any(|n| line.contains(n)))
        .map(|(i, line)| (i + 1, line.trim().to_string()))
        .collect()
}

/// The layering rules: a folder under `src/`, and what its code may not name. A module is
/// caught however it is reached (`crate::charts::…`, `super::charts::…`, or inside a grouped
/// `use crate::{charts::…}`): the rule is its name followed by `::`.
fn rules() -> Vec<(&'static str, Vec<&'static str>)> {
    let browser = vec!["web_sys", "js_sys", "wasm_bindgen"];
    let mut model = vec![
        "charts::",
        "web::",
        "catalogue::",
        "static_page::",
        "static_svg::",
    ];
    model.extend(&browser);
    let mut charts = vec!["web::", "catalogue::"];
    charts.extend(&browser);
    let mut figures = vec!["model::", "charts::", "web::", "catalogue::"];
    figures.extend(&browser);
    vec![("model", model), ("charts", charts), ("figures", figures)]
}

/// Every breach of the rules in the tree `src`.
fn breaches(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (layer, names) in rules() {
        for file in sources(&src.join(layer)) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for (n, line) in forbidden_in(&text, &names) {
                found.push(format!("{}:{n}: {line}", file.display()));
            }
        }
    }
    // Outside the web layer, nothing names the browser's crates.
    for file in sources(src) {
        if file.starts_with(src.join("web")) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in forbidden_in(&text, &["web_sys", "js_sys", "wasm_bindgen"]) {
            found.push(format!("{}:{n}: {line}", file.display()));
        }
    }
    found
}

#[test]
fn each_layer_names_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    assert!(
        sources(&src.join("model")).len() > 5,
        "the model's files are read"
    );
    let found = breaches(&src);
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
}

#[test]
fn a_forbidden_use_is_found_in_each_layer() {
    let dir = std::env::temp_dir().join(format!("layering-{}", std::process::id()));
    for (layer, line) in [
        ("model", "use crate::charts::Layout;"),
        ("model", "use crate::{catalogue::Model, figures::Figures};"),
        ("model", "use super::super::web::Page;"),
        ("charts", "use crate::web::Page;"),
        ("figures", "use crate::model::panel::Bar;"),
        ("figures", "fn f() { js_sys::JSON::parse(\"1\"); }"),
        ("catalogue_like", "use wasm_bindgen::JsValue;"),
    ] {
        let folder = dir.join(layer);
        std::fs::create_dir_all(&folder).ok();
        let file = folder.join("probe.rs");
        std::fs::write(
            &file,
            format!("//! A probe.\n// use crate::web in a comment is fine\n{line}\n"),
        )
        .ok();
        let found = breaches(&dir);
        assert!(
            found.iter().any(|b| b.contains("probe.rs:3")),
            "{layer}: {line} not found: {found:?}"
        );
        assert!(
            !found.iter().any(|b| b.contains("probe.rs:2")),
            "a comment is no breach"
        );
        std::fs::remove_file(&file).ok();
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The story's own nouns: the countries, places, weapons, programmes and meetings of the
/// committed figures file and article, which the program must not know (the crate keeps the
/// project's name).
fn story_nouns() -> Vec<String> {
    let mut nouns: Vec<String> = [
        "Germany",
        "German",
        "France",
        "French",
        "Poland",
        "Polish",
        "Czech",
        "Spain",
        "Spanish",
        "Italy",
        "Türkiye",
        "Greece",
        "United Kingdom",
        "British",
        "Ukraine",
        "Russia",
        "Belarus",
        "Kyiv",
        "Lviv",
        "Paris",
        "London",
        "Élysée",
        "Macron",
        "Iskander",
        "Leopard",
        "Ironclad",
        "SAFE",
        "NATO",
        "coalition",
        "Europe",
        "European",
        "Canada",
        "EU ",
        "missile",
        "tank",
        "aircraft",
    ]
    .map(String::from)
    .to_vec();
    // And every nation a figure's label names before its comma ("Poland, defence spending").
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../www/data/figures.json")).unwrap_or_default();
    for figure in file
        .get("figures")
        .and_then(|f| f.as_array())
        .into_iter()
        .flatten()
    {
        let label = figure
            .get("label")
            .and_then(|l| l.as_str())
            .unwrap_or_default();
        if let Some((nation, _)) = label.split_once(", ") {
            if nation.chars().next().is_some_and(char::is_uppercase)
                && !nouns.contains(&nation.to_string())
            {
                nouns.push(nation.to_string());
            }
        }
    }
    nouns
}

#[test]
fn the_program_names_no_part_of_the_story() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let nouns = story_nouns();
    assert!(nouns.len() > 30, "{nouns:?}");
    let mut found = Vec::new();
    for file in sources(&src) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for noun in &nouns {
                if line.contains(noun.as_str()) {
                    found.push(format!(
                        "{}:{}: {noun}: {}",
                        file.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "story nouns in src/:\n{}",
        found.join("\n")
    );
}

#[test]
fn months_are_named_only_where_dates_are_written() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let months = ["January", "February", "March", "September", "December"];
    let mut found = Vec::new();
    for file in sources(&src) {
        if file.ends_with("model/wording.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for month in months {
            if text.contains(month) {
                found.push(format!("{}: {month}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:?}");
    let wording = std::fs::read_to_string(src.join("model/wording.rs")).unwrap_or_default();
    assert!(
        wording.contains("(\"February\", \"Feb\")"),
        "the month table is where it was"
    );
}
