//! The chart loader (`www/main.js`) written into the page itself, so that it runs while the
//! article is still being parsed and starts fetching the chart program at once, instead of
//! waiting for a file of its own and for the first layout. The page's Content-Security-Policy
//! allows exactly that script, by its SHA-256 hash, and no other inline script.

use crate::static_page::splice;

/// The loader's source, relative to `index.html`.
pub const LOADER: &str = "www/main.js";

/// Where the loader starts and ends in a page's `<head>`.
pub const LOADER_MARKERS: (&str, &str) = ("<!-- loader:start -->", "<!-- loader:end -->");

/// `page` with `loader` as its inline script (with `data-root`, the way from the page to the
/// project's root) and its hash as the only inline script its security policy allows.
///
/// # Errors
/// If the markers or the policy's `script-src` are missing, or the loader could close its own
/// `<script>` element.
pub fn with_loader(page: &str, loader: &str, root: &str) -> Result<String, String> {
    if loader.to_ascii_lowercase().contains("</script") {
        return Err("the loader must not contain “</script”".into());
    }
    let script = format!("<script data-root=\"{root}\">{loader}</script>");
    let page = splice(page, LOADER_MARKERS, &script)?;
    with_script_hash(
        &page,
        &format!("'sha256-{}'", base64(&sha256(loader.as_bytes()))),
    )
}

/// The loader as written into `page` (the text of its inline script), if it is there.
#[must_use]
pub fn loader_of(page: &str) -> Option<&str> {
    let block = crate::static_page::between(page, LOADER_MARKERS.0, LOADER_MARKERS.1)?;
    let from = block.find('>')? + 1;
    block.get(from..block.rfind("</script>")?)
}

/// `page` whose policy's `script-src` allows the script of hash `token` (replacing any hash
/// there before).
fn with_script_hash(page: &str, token: &str) -> Result<String, String> {
    const DIRECTIVE: &str = "script-src ";
    let from = page
        .find(DIRECTIVE)
        .ok_or("the page's Content-Security-Policy has no script-src")?
        + DIRECTIVE.len();
    let to = page
        .get(from..)
        .and_then(|rest| rest.find([';', '"']))
        .map_or(page.len(), |end| from + end);
    let sources: Vec<&str> = page
        .get(from..to)
        .unwrap_or_default()
        .split_whitespace()
        .filter(|s| !s.starts_with("'sha256-"))
        .chain([token])
        .collect();
    let (head, rest) = page.split_at(from);
    Ok(format!(
        "{head}{}{}",
        sources.join(" "),
        rest.get(to - from..).unwrap_or_default()
    ))
}

/// The SHA-256 digest of `data` (FIPS 180-4), which a security policy names a script by.
#[must_use]
pub fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

/// `data` in base64 with padding (RFC 4648, section 4), as a security policy writes a hash.
#[must_use]
pub fn base64(data: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_gives_the_standards_example_digests() {
        // FIPS 180-4's examples (NIST's "SHA256.pdf"): one block, two blocks, and the empty text.
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn base64_gives_the_rfcs_examples() {
        // RFC 4648, section 10.
        for (text, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(text.as_bytes()), coded, "{text}");
        }
    }

    const PAGE: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\">\n<!-- loader:start --><!-- loader:end -->";

    #[test]
    fn the_loader_goes_in_with_its_hash_and_replaces_an_old_one() {
        let once = with_loader(PAGE, "go()", "").unwrap_or_default();
        assert!(
            once.contains("<script data-root=\"\">go()</script>"),
            "{once}"
        );
        let token = format!("'sha256-{}'", base64(&sha256(b"go()")));
        assert!(
            once.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' {token}; style-src"
            )),
            "{once}"
        );
        let twice = with_loader(&once, "stop()", "../").unwrap_or_default();
        assert!(!twice.contains(&token), "the old hash is gone: {twice}");
        assert_eq!(twice.matches("'sha256-").count(), 1, "{twice}");
        assert!(twice.contains("<script data-root=\"../\">stop()</script>"));
        assert_eq!(twice.matches("<script").count(), 1);
    }

    #[test]
    fn a_loader_that_closes_its_element_or_a_page_without_a_place_is_refused() {
        assert!(with_loader(PAGE, "a = '</SCRIPT>'", "").is_err());
        assert!(with_loader("<p>no markers</p>", "go()", "").is_err());
        let no_policy = "<!-- loader:start --><!-- loader:end -->";
        assert!(with_loader(no_policy, "go()", "").is_err());
    }
}
