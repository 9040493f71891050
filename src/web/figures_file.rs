//! The figures file in the browser: its text parsed by the browser's own JSON parser and read
//! through serde, and, when a field has the wrong type, the field's path found afterwards by
//! reading the file's sections and items one at a time (`figures[6].value`).

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::JsValue;

use crate::figures::{self, DataError, Figures};

/// Reads and checks the figures file's text.
///
/// # Errors
/// A [`DataError`] with the field's path, as [`figures::parse`] gives natively.
pub fn parse(text: &str) -> Result<Figures, DataError> {
    let root = JSON::parse(text).map_err(|e| {
        let why = js_sys::Error::from(e).message();
        DataError::new("", format!("not valid JSON ({})", String::from(why)))
    })?;
    figures::from_deserializer(reader(&root)).map_err(|e| match e.path.is_empty() {
        true => DataError {
            path: locate(&root).unwrap_or_default(),
            ..e
        },
        false => e,
    })
}

fn reader(value: &JsValue) -> serde_wasm_bindgen::Deserializer {
    serde_wasm_bindgen::Deserializer::from(value.clone())
}

/// The path of the first section, item and field that does not read, if one can be found.
fn locate(root: &JsValue) -> Option<String> {
    for name in figures::SECTIONS {
        let section = Reflect::get(root, &name.into()).ok()?;
        let fails = matches!(figures::read_section(name, reader(&section)), Some(Err(_)));
        if section.is_undefined() || !fails {
            continue;
        }
        let mut path = name.to_string();
        let item = items(&section)
            .into_iter()
            .find(|(_, item)| matches!(figures::read_item(name, reader(item)), Some(Err(_))));
        match item {
            Some((suffix, item)) => {
                path.push_str(&suffix);
                if let Some(field) = culprit(&item, |v| figures::read_item(name, reader(v))) {
                    path.push('.');
                    path.push_str(&field);
                }
            }
            None => {
                if let Some(field) = culprit(&section, |v| figures::read_section(name, reader(v))) {
                    path.push('.');
                    path.push_str(&field);
                }
            }
        }
        return Some(path);
    }
    None
}

/// The items of a list (`[3]`) or of a map (`.key`), with their suffixes.
fn items(section: &JsValue) -> Vec<(String, JsValue)> {
    if Array::is_array(section) {
        Array::from(section)
            .iter()
            .enumerate()
            .map(|(i, item)| (format!("[{i}]"), item))
            .collect()
    } else if section.is_object() {
        Object::entries(&Object::from(section.clone()))
            .iter()
            .filter_map(|pair| {
                let pair = Array::from(&pair);
                Some((format!(".{}", pair.get(0).as_string()?), pair.get(1)))
            })
            .collect()
    } else {
        Vec::new()
    }
}

/// The field of `object` at fault: the first whose removal makes `reads` succeed, or turns its
/// error into that field's missing.
fn culprit(
    object: &JsValue,
    reads: impl Fn(&JsValue) -> Option<Result<(), String>>,
) -> Option<String> {
    if !object.is_object() || Array::is_array(object) {
        return None;
    }
    let object = Object::from(object.clone());
    Object::keys(&object).iter().find_map(|key| {
        let name = key.as_string()?;
        let without = Object::assign(&Object::new(), &object);
        Reflect::delete_property(&without, &key).ok()?;
        match reads(&without)? {
            Ok(()) => Some(name),
            Err(why) if why.contains(&format!("missing field `{name}`")) => Some(name),
            Err(_) => None,
        }
    })
}
