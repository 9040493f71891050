//! The built chart program's import names shortened: the wasm and its glue renamed alike, the
//! rest of the wasm untouched, and a glue that does not match refused.
#![cfg(not(target_arch = "wasm32"))]

type Result = std::result::Result<(), String>;

use reassurance_force::chart_program::{short_name, shorten_glue, shorten_wasm, SHORT_MODULE};
use wasm_encoder::{
    CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection, ImportSection,
    Instruction, Module, TypeSection, ValType,
};
use wasmparser::{Imports, Parser, Payload};

const MODULE: &str = "./story_bg.js";
const NAMES: [&str; 3] = [
    "__wbg_fillText_e1f0b9915220348b",
    "__wbg_measureText_0123456789abcdef",
    "__wbindgen_init_externref_table",
];

/// A module importing three functions from the glue, exporting one of its own.
fn module() -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], [ValType::I32]);
    let mut imports = ImportSection::new();
    for name in NAMES {
        imports.import(MODULE, name, EntityType::Function(0));
    }
    let mut functions = FunctionSection::new();
    functions.function(0);
    let mut exports = ExportSection::new();
    exports.export("mount", ExportKind::Func, 3);
    let mut code = CodeSection::new();
    let mut body = Function::new([]);
    body.instruction(&Instruction::LocalGet(0));
    body.instruction(&Instruction::Call(1));
    body.instruction(&Instruction::End);
    code.function(&body);
    let mut module = Module::new();
    module
        .section(&types)
        .section(&imports)
        .section(&functions)
        .section(&exports)
        .section(&code);
    module.finish()
}

/// The glue as wasm-bindgen writes it: an import object keyed by the imports' names.
fn glue() -> String {
    format!(
        "function imports() {{ const import0 = {{ __proto__: null, {}: function(a) {{ return a; }}, {}: function(a) {{ return a; }}, {}: function() {{}} }};\n\
         return {{ __proto__: null, \"{MODULE}\": import0 }}; }}\n\
         export function mount(n) {{ return wasm.mount(n); }} // calls __wbg_fillText_e1f0b9915220348b through the wasm\n",
        NAMES[0], NAMES[1], NAMES[2]
    )
}

/// Each import's module and name, in order.
fn imports_of(wasm: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        if let Ok(Payload::ImportSection(reader)) = payload {
            for group in reader {
                if let Ok(Imports::Single(_, import)) = group {
                    out.push((import.module.to_string(), import.name.to_string()));
                }
            }
        }
    }
    out
}

/// Every section but the imports, as bytes.
fn other_sections(wasm: &[u8]) -> Vec<(u8, Vec<u8>)> {
    Parser::new(0)
        .parse_all(wasm)
        .filter_map(std::result::Result::ok)
        .filter(|p| !matches!(p, Payload::ImportSection(_)))
        .filter_map(|p| p.as_section())
        .filter_map(|(id, range)| Some((id, wasm.get(range)?.to_vec())))
        .collect()
}

#[test]
fn the_wasm_and_its_glue_are_renamed_alike_and_nothing_else_changes() -> Result {
    let wasm = module();
    let (short, shortened) = shorten_wasm(&wasm)?;
    assert_eq!(shortened.module, MODULE);
    let imports = imports_of(&short);
    assert_eq!(imports.len(), 3);
    for (i, ((module, name), (old, new))) in imports.iter().zip(&shortened.names).enumerate() {
        assert_eq!(module, SHORT_MODULE);
        assert_eq!(name, new);
        assert_eq!(old, NAMES.get(i).unwrap_or(&""));
    }
    assert_eq!(other_sections(&short), other_sections(&wasm));
    assert!(short.len() < wasm.len());
    let glue = shorten_glue(&glue(), &shortened)?;
    for (old, new) in &shortened.names {
        assert!(
            glue.contains(&format!(" {new}: function")),
            "{new} in {glue}"
        );
        assert!(!glue.contains(&format!("{old}:")), "{old} left in {glue}");
    }
    assert!(glue.contains(&format!("{SHORT_MODULE}: import0")));
    assert!(!glue.contains(MODULE));
    // A name that is not a key (in prose, a call) is left as it was.
    assert!(glue.contains("calls __wbg_fillText_e1f0b9915220348b through"));
    assert!(glue.contains("wasm.mount(n)"));
    Ok(())
}

#[test]
fn a_glue_that_does_not_name_every_import_once_is_refused() -> Result {
    let (_, shortened) = shorten_wasm(&module())?;
    let missing = glue().replace(&format!("{}:", NAMES[1]), "other:");
    let error = shorten_glue(&missing, &shortened).err().unwrap_or_default();
    assert!(error.contains(NAMES[1]), "{error}");
    let twice = glue().replacen(
        "__proto__: null, ",
        &format!("__proto__: null, {}: 1, ", NAMES[0]),
        1,
    );
    let error = shorten_glue(&twice, &shortened).err().unwrap_or_default();
    assert!(error.contains("2 times"), "{error}");
    let no_module = glue().replace(MODULE, "./other.js");
    assert!(shorten_glue(&no_module, &shortened).is_err());
    assert!(shorten_wasm(b"not a wasm module").is_err());
    Ok(())
}

#[test]
fn short_names_are_distinct_identifiers() {
    let names: Vec<String> = (0..3000).map(short_name).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len());
    assert_eq!(names.first().map(String::as_str), Some("a"));
    assert_eq!(names.get(52).map(String::len), Some(2));
    assert!(names
        .iter()
        .all(|n| n.chars().all(|c| c.is_ascii_alphabetic())));
}

/// Each export's name, in order.
fn exports_of(wasm: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        if let Ok(Payload::ExportSection(reader)) = payload {
            out.extend(reader.into_iter().flatten().map(|e| e.name.to_string()));
        }
    }
    out
}

#[test]
fn the_exports_the_glue_calls_are_renamed_alike_and_the_rest_keep_their_names() -> Result {
    let wasm = module();
    let glue = format!(
        "{}const mountain = wasm.mountain; // wasm.mount is the export\n",
        glue()
    );
    let (short, short_glue, renamed) =
        reassurance_force::chart_program::shorten_exports(&wasm, &glue)?;
    assert_eq!(renamed, 1);
    assert_eq!(exports_of(&short), ["a"]);
    assert!(short_glue.contains("return wasm.a(n);"), "{short_glue}");
    assert!(short_glue.contains("wasm.a is the export"), "{short_glue}");
    // The glue's own export keeps its name; a longer name that starts alike is another one.
    assert!(short_glue.contains("export function mount(n)"));
    assert!(short_glue.contains("wasm.mountain;"));
    // A glue that never calls the export leaves it as it was.
    let (kept, same, none) =
        reassurance_force::chart_program::shorten_exports(&wasm, "export const x = 1;")?;
    assert_eq!(
        (exports_of(&kept), same.as_str(), none),
        (vec!["mount".to_string()], "export const x = 1;", 0)
    );
    Ok(())
}
