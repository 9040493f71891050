//! The deployable folder: the page and exactly the files it needs, as a static host serves them,
//! with the headers the page needs written in the forms hosts read (`_headers` for hosts that
//! read one; an nginx snippet). Natively only.

use std::path::{Path, PathBuf};

use crate::static_embed;

/// Where the build writes the folder, beside the project's files.
pub const DIR: &str = "site";

/// The page's own security policy, as its `<meta http-equiv="Content-Security-Policy">` declares
/// it (the build keeps the loader's hash in it current).
#[must_use]
pub fn declared_policy(page: &str) -> Option<&str> {
    const META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    crate::static_page::between(page, META, "\"")
}

/// The files of the project's folder `root` that `page` and the embed pages of the charts
/// `slugs` need: the pages themselves and every `www/…` file they name (style sheet, chart
/// program, figures file, static charts and their data), each once, in a stable order. Files of
/// charts the figures file no longer declares are not among them.
///
/// # Errors
/// A message if an embed page cannot be read.
pub fn files(root: &Path, page: &str, slugs: &[&str]) -> Result<Vec<PathBuf>, String> {
    let mut pages = vec![("index.html".to_string(), page.to_string())];
    for slug in slugs {
        let path = format!("{}/{slug}.html", static_embed::DIR);
        let text = std::fs::read_to_string(root.join(&path)).map_err(|e| format!("{path}: {e}"))?;
        pages.push((path, text));
    }
    let mut out: Vec<PathBuf> = pages.iter().map(|(path, _)| PathBuf::from(path)).collect();
    for (_, text) in &pages {
        for named in named_files(text) {
            let path = PathBuf::from(named);
            if !out.contains(&path) {
                out.push(path);
            }
        }
    }
    Ok(out)
}

/// Every `www/…` path a page names, wherever it stands (an attribute, or the loader's code),
/// whether from the top (`www/style.css`) or from an embed page (`../../www/style.css`).
fn named_files(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("www/") {
        let tail = rest.get(at..).unwrap_or_default();
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_-./".contains(c)))
            .unwrap_or(tail.len());
        let path = tail.get(..end).unwrap_or_default().trim_end_matches('.');
        // A folder named in prose ("www/embed/") is no file.
        if !path.ends_with('/') && path.contains('.') {
            out.push(path);
        }
        rest = tail.get(end.max(4)..).unwrap_or_default();
    }
    out
}

/// The page's headers for hosts that read a `_headers` file: its security policy on every page,
/// framing by other sites allowed for the embed pages alone, no sniffing of types, the chart
/// program's type, and every file checked for a newer version before use (file names carry no
/// version).
#[must_use]
pub fn headers_file(policy: &str) -> String {
    format!(
        "# Headers for the page, for static hosts that read a _headers file.\n\
         /\n  Content-Security-Policy: {policy}; frame-ancestors 'none'\n\
         /index.html\n  Content-Security-Policy: {policy}; frame-ancestors 'none'\n\
         /{embeds}/*\n  Content-Security-Policy: {policy}; frame-ancestors *\n\
         /*\n  X-Content-Type-Options: nosniff\n  Cache-Control: no-cache\n\
         /*.wasm\n  Content-Type: application/wasm\n",
        embeds = static_embed::DIR
    )
}

/// The kinds of file a host sends compressed: the pages, their style and scripts, the chart
/// program, the figures and shapes it reads, the static charts and their data.
pub const COMPRESSIBLE: [&str; 8] = ["html", "css", "js", "json", "svg", "wasm", "csv", "bin"];

/// Whether the host sends the file at `path` compressed (by its kind).
#[must_use]
pub fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

/// `bytes` packed in gzip's format by zopfli's search, tighter than gzip's level 9 (the chart
/// program by about 4.4%), for the host to send as they are to a browser that takes gzip; `None`
/// where packing would not make the file smaller.
///
/// # Errors
/// A message if the packing fails.
pub fn packed(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let mut out = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut out,
    )
    .map_err(|e| format!("packing: {e}"))?;
    Ok((out.len() < bytes.len()).then_some(out))
}

/// Where the nginx snippet is written: beside the folder, not in it (a host would serve it).
pub const NGINX_SNIPPET: &str = "site-nginx.conf";

/// The same headers as an nginx snippet, for the `server` block that serves the folder.
#[must_use]
pub fn nginx_snippet(policy: &str) -> String {
    let common = "    add_header X-Content-Type-Options nosniff always;\n    add_header Cache-Control no-cache always;\n";
    format!(
        "# Headers for the page: include in the nginx server block whose root is this folder. A file\n\
         # packed ahead of time (name.gz beside it) is sent as it is (gzip_static, a module nginx is\n\
         # usually built with); any other is compressed as it is sent.\n\
         gzip on;\n\
         gzip_static on;\n\
         gzip_vary on;\n\
         gzip_types text/css text/javascript application/javascript application/json image/svg+xml text/csv application/wasm application/octet-stream;\n\
         types {{ application/wasm wasm; text/javascript js; text/css css; text/html html; application/json json; image/svg+xml svg; text/csv csv; application/octet-stream bin; }}\n\
         location / {{\n    add_header Content-Security-Policy \"{policy}; frame-ancestors 'none'\" always;\n{common}}}\n\
         location /{embeds}/ {{\n    add_header Content-Security-Policy \"{policy}; frame-ancestors *\" always;\n{common}}}\n",
        embeds = static_embed::DIR
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_names_its_files_from_the_top_or_from_an_embed_folder() {
        let page = r#"<link href="www/style.css"> <img src="../../www/static/a-phone.svg">
            <script>fetch(url("www/data/figures.bin"))</script> the folder www/embed/ and www/."#;
        assert_eq!(
            named_files(page),
            [
                "www/style.css",
                "www/static/a-phone.svg",
                "www/data/figures.bin"
            ]
        );
    }

    #[test]
    fn a_file_is_packed_in_gzip_format_only_where_it_gets_smaller() {
        let text = "troops and budgets, ".repeat(200);
        let packed = packed_or_none(text.as_bytes()).unwrap_or_default();
        // gzip's magic, deflate, and the length of the text last, little-endian.
        assert_eq!(packed.get(..3), Some(&[0x1f, 0x8b, 8][..]));
        let tail = packed.len().saturating_sub(4);
        assert_eq!(
            packed.get(tail..),
            Some(&(text.len() as u32).to_le_bytes()[..])
        );
        assert!(packed.len() < text.len() / 10, "{} bytes", packed.len());
        assert_eq!(packed_or_none(b"ab"), None, "two bytes gain nothing");
        assert!(compressible(Path::new("www/pkg/a_bg.wasm")));
        assert!(compressible(Path::new("www/data/figures.bin")));
        assert!(!compressible(Path::new("www/static/a.png")));
        assert!(!compressible(Path::new("_headers")));
    }

    fn packed_or_none(bytes: &[u8]) -> Option<Vec<u8>> {
        packed(bytes).ok().flatten()
    }

    #[test]
    fn framing_is_allowed_for_the_embed_pages_alone() {
        let headers = headers_file("default-src 'self'");
        let framed: Vec<&str> = headers
            .lines()
            .filter(|l| l.contains("frame-ancestors *"))
            .collect();
        assert_eq!(framed.len(), 1, "{headers}");
        let before = headers
            .split("frame-ancestors *")
            .next()
            .unwrap_or_default();
        assert!(before
            .trim_end()
            .ends_with("Content-Security-Policy: default-src 'self';"));
        assert!(before.contains("/www/embed/*\n"), "{headers}");
        assert_eq!(headers.matches("frame-ancestors 'none'").count(), 2);
        let nginx = nginx_snippet("default-src 'self'");
        assert!(nginx.contains("location /www/embed/ {\n    add_header Content-Security-Policy \"default-src 'self'; frame-ancestors *\" always;"));
    }
}
