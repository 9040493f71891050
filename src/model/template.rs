//! Sentences as templates over computed values: `{name}` stands for the value the chart's model
//! gives that name. A name the model does not know is refused, with the name.

/// `template` with every `{name}` replaced by `value(name)`.
///
/// # Errors
/// The first name `value` does not know, or a `{` that is never closed.
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let close = after
            .find('}')
            .ok_or_else(|| format!("a “{{” is never closed in “{template}”"))?;
        let name = after.get(..close).unwrap_or_default();
        out.push_str(&value(name).ok_or_else(|| format!("no value named “{name}”"))?);
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(name: &str) -> Option<String> {
        match name {
            "a" => Some("31 countries".into()),
            "b.label" => Some("the capital".into()),
            _ => None,
        }
    }

    #[test]
    fn names_are_filled_and_unknown_ones_refused() {
        assert_eq!(
            fill("{a} in {b.label}.", values),
            Ok("31 countries in the capital.".into())
        );
        assert_eq!(fill("no names", values), Ok("no names".into()));
        assert_eq!(fill("{c} here", values), Err("no value named “c”".into()));
        assert!(fill("{a", values).is_err());
    }
}
