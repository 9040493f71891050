//! The chart program made smaller once it is built: every name the wasm imports from its glue
//! (`__wbg_fillRect_e1f0b9915220348b`, a name and a hash of its signature for each of about 130
//! browser calls, written twice, in the wasm and in the glue) is replaced by a short one
//! (`a`, `b`, … `aB`), and so is the name of the module they come from, in the wasm's import
//! section and in the glue's import object alike. Every other section of the wasm is copied
//! byte for byte. Native only: the build runs it (`src/bin/chart_program.rs`) before the glue
//! is minified. So are the names of the exports the glue calls (`shorten_exports`).

use std::fmt::Write as _;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{EntityType, ExportSection, ImportSection, Module, RawSection, Section};
use wasmparser::{Imports, Parser, Payload, TypeRef};

/// The module name every import is given.
pub const SHORT_MODULE: &str = "a";

/// What shortening did: the names replaced, old and new.
#[derive(Debug, Default)]
pub struct Shortened {
    /// The module the imports came from, as the glue named it.
    pub module: String,
    /// Each import's old name and its new one.
    pub names: Vec<(String, String)>,
}

/// The `n`th short name: `a` … `z`, `A` … `Z`, then two letters, and so on (each a valid
/// JavaScript identifier).
#[must_use]
pub fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.extend(LETTERS.get(n % LETTERS.len()));
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    String::from_utf8(name).unwrap_or_default()
}

/// The wasm with its imports renamed, and the renaming.
///
/// # Errors
/// If the bytes are no wasm module, or its imports come from more than one module.
pub fn shorten_wasm(wasm: &[u8]) -> Result<(Vec<u8>, Shortened), String> {
    let mut shortened = Shortened::default();
    let out = rewritten(wasm, |payload| {
        let Payload::ImportSection(reader) = payload else {
            return Ok(None);
        };
        let mut imports = ImportSection::new();
        for group in reader.clone() {
            let group = group.map_err(|e| format!("an import does not read: {e}"))?;
            let Imports::Single(_, import) = group else {
                return Err("the wasm groups its imports, which this step does not read".into());
            };
            if shortened.module.is_empty() {
                shortened.module = import.module.to_string();
            } else if shortened.module != import.module {
                return Err(format!(
                    "the wasm imports from “{}” and “{}”; one module was expected",
                    shortened.module, import.module
                ));
            }
            let short = short_name(shortened.names.len());
            imports.import(SHORT_MODULE, &short, entity(import.ty)?);
            shortened.names.push((import.name.to_string(), short));
        }
        Ok(Some(imports))
    })?;
    Ok((out, shortened))
}

/// The wasm with each section `rewrite` gives (`Some`) in place of the one it was handed, and
/// every other section copied byte for byte.
fn rewritten<S: Section>(
    wasm: &[u8],
    mut rewrite: impl FnMut(&Payload<'_>) -> Result<Option<S>, String>,
) -> Result<Vec<u8>, String> {
    let mut out = Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("the wasm does not read: {e}"))?;
        if let Some(section) = rewrite(&payload)? {
            out.section(&section);
        } else if let Some((id, range)) = payload.as_section() {
            let data = wasm.get(range).ok_or("a section lies outside the wasm")?;
            out.section(&RawSection { id, data });
        }
    }
    Ok(out.finish())
}

/// An import's type, as the encoder writes it (functions, memories, tables and globals: what a
/// wasm-bindgen module imports).
fn entity(ty: TypeRef) -> Result<EntityType, String> {
    RoundtripReencoder
        .entity_type(ty)
        .map_err(|e| format!("an import's type does not convert: {e}"))
}

/// The glue with the same renaming: each import's key in its import object, and the module's
/// key. Each old name must occur exactly once, as a key (`name:`), and the module's name once,
/// quoted.
///
/// # Errors
/// If a name is missing or occurs more than once.
pub fn shorten_glue(glue: &str, shortened: &Shortened) -> Result<String, String> {
    let mut out = String::with_capacity(glue.len());
    let module_key = format!("\"{}\":", shortened.module);
    let mut seen = vec![0usize; shortened.names.len()];
    let mut module_seen = 0;
    let mut rest = glue;
    // Every import's name starts "__wb" (wasm-bindgen's prefix); at each such place that no
    // identifier character precedes, a key of the import object is replaced, and so is the
    // module's key wherever it stands.
    loop {
        let next_import = rest.find("__wb");
        let next_module = rest.find(&module_key);
        let Some(at) = [next_import, next_module].into_iter().flatten().min() else {
            out.push_str(rest);
            break;
        };
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        if next_module == Some(at) {
            let _ = write!(out, "{SHORT_MODULE}:");
            module_seen += 1;
            rest = from.get(module_key.len()..).unwrap_or_default();
            continue;
        }
        let boundary = out
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '$'));
        let name_len = from
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(from.len());
        let (name, after) = from.split_at(name_len);
        let renamed = shortened
            .names
            .iter()
            .position(|(old, _)| old == name)
            .filter(|_| boundary && after.starts_with(':'));
        match renamed.and_then(|i| Some((i, shortened.names.get(i)?))) {
            Some((i, (_, short))) => {
                out.push_str(short);
                if let Some(count) = seen.get_mut(i) {
                    *count += 1;
                }
            }
            None => out.push_str(name),
        }
        rest = after;
    }
    if module_seen != 1 {
        return Err(format!(
            "the glue names the module “{}” {module_seen} times as a key; once was expected",
            shortened.module
        ));
    }
    if let Some(((old, _), n)) = shortened.names.iter().zip(&seen).find(|(_, &n)| n != 1) {
        return Err(format!(
            "the glue has the import “{old}” {n} times as a key; once was expected"
        ));
    }
    Ok(out)
}

/// The wasm and its glue with every export the glue calls (`wasm.__wbindgen_malloc`,
/// `wasm.wasm_bindgen__convert__closures_____invoke__h…`, `wasm.mount`) given a short name in
/// both; the glue's own exports keep their names, and an export the glue never names keeps its
/// own. Returns how many were renamed.
///
/// # Errors
/// If the bytes are no wasm module.
pub fn shorten_exports(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String, usize), String> {
    let mut renamed: Vec<(String, String)> = Vec::new();
    let out = rewritten(wasm, |payload| {
        let Payload::ExportSection(reader) = payload else {
            return Ok(None);
        };
        let mut exports = ExportSection::new();
        for export in reader.clone() {
            let export = export.map_err(|e| format!("an export does not read: {e}"))?;
            let kind = RoundtripReencoder
                .export_kind(export.kind)
                .map_err(|e| format!("an export's kind does not convert: {e}"))?;
            let name = if called(glue, export.name) {
                let short = short_name(renamed.len());
                renamed.push((export.name.to_string(), short.clone()));
                short
            } else {
                export.name.to_string()
            };
            exports.export(&name, kind, export.index);
        }
        Ok(Some(exports))
    })?;
    let mut text = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(at) = rest.find(CALLED) {
        let (before, from) = rest.split_at(at + CALLED.len());
        text.push_str(before);
        let length = identifier_length(from);
        let (name, after) = from.split_at(length);
        let starts = !before
            .get(..at)
            .unwrap_or_default()
            .ends_with(identifier_char);
        match renamed
            .iter()
            .find(|(old, _)| old == name)
            .filter(|_| starts)
        {
            Some((_, short)) => text.push_str(short),
            None => text.push_str(name),
        }
        rest = after;
    }
    text.push_str(rest);
    Ok((out, text, renamed.len()))
}

/// How the glue names the wasm's exports.
const CALLED: &str = "wasm.";

/// Whether `c` may stand in a JavaScript identifier (as wasm-bindgen's names use them).
fn identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// The length of the identifier `text` starts with.
fn identifier_length(text: &str) -> usize {
    text.find(|c: char| !identifier_char(c))
        .unwrap_or(text.len())
}

/// Whether the glue calls the export `name` (`wasm.name`, the whole identifier).
fn called(glue: &str, name: &str) -> bool {
    glue.match_indices(CALLED).any(|(at, _)| {
        let from = glue.get(at + CALLED.len()..).unwrap_or_default();
        let starts = !glue
            .get(..at)
            .unwrap_or_default()
            .ends_with(identifier_char);
        starts && from.get(..identifier_length(from)) == Some(name)
    })
}
