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

/// The round constants of SHA-256 (FIPS 180-4, 4.2.2).
const K: [u32; 64] = [
    0x428a_2f98,
    0x7137_4491,
    0xb5c0_fbcf,
    0xe9b5_dba5,
    0x3956_c25b,
    0x59f1_11f1,
    0x923f_82a4,
    0xab1c_5ed5,
    0xd807_aa98,
    0x1283_5b01,
    0x2431_85be,
    0x550c_7dc3,
    0x72be_5d74,
    0x80de_b1fe,
    0x9bdc_06a7,
    0xc19b_f174,
    0xe49b_69c1,
    0xefbe_4786,
    0x0fc1_9dc6,
    0x240c_a1cc,
    0x2de9_2c6f,
    0x4a74_84aa,
    0x5cb0_a9dc,
    0x76f9_88da,
    0x983e_5152,
    0xa831_c66d,
    0xb003_27c8,
    0xbf59_7fc7,
    0xc6e0_0bf3,
    0xd5a7_9147,
    0x06ca_6351,
    0x1429_2967,
    0x27b7_0a85,
    0x2e1b_2138,
    0x4d2c_6dfc,
    0x5338_0d13,
    0x650a_7354,
    0x766a_0abb,
    0x81c2_c92e,
    0x9272_2c85,
    0xa2bf_e8a1,
    0xa81a_664b,
    0xc24b_8b70,
    0xc76c_51a3,
    0xd192_e819,
    0xd699_0624,
    0xf40e_3585,
    0x106a_a070,
    0x19a4_c116,
    0x1e37_6c08,
    0x2748_774c,
    0x34b0_bcb5,
    0x391c_0cb3,
    0x4ed8_aa4a,
    0x5b9c_ca4f,
    0x682e_6ff3,
    0x748f_82ee,
    0x78a5_636f,
    0x84c8_7814,
    0x8cc7_0208,
    0x90be_fffa,
    0xa450_6ceb,
    0xbef9_a3f7,
    0xc671_78f2,
];

/// The SHA-256 digest of `data` (FIPS 180-4), which a security policy names a script by.
#[must_use]
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] = [
        0x6a09_e667,
        0xbb67_ae85,
        0x3c6e_f372,
        0xa54f_f53a,
        0x510e_527f,
        0x9b05_688c,
        0x1f83_d9ab,
        0x5be0_cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
            let mut four = [0u8; 4];
            four.copy_from_slice(bytes);
            *word = u32::from_be_bytes(four);
        }
        for i in 16..64 {
            let at = |back: usize| w.get(i - back).copied().unwrap_or_default();
            let (w15, w2) = (at(15), at(2));
            let s0 = w15.rotate_right(7) ^ w15.rotate_right(18) ^ (w15 >> 3);
            let s1 = w2.rotate_right(17) ^ w2.rotate_right(19) ^ (w2 >> 10);
            let next = at(16).wrapping_add(s0).wrapping_add(at(7)).wrapping_add(s1);
            if let Some(slot) = w.get_mut(i) {
                *slot = next;
            }
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for (k, w) in K.iter().zip(w) {
            let t1 = hh
                .wrapping_add(e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25))
                .wrapping_add((e & f) ^ (!e & g))
                .wrapping_add(*k)
                .wrapping_add(w);
            let t2 = (a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22))
                .wrapping_add((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (state, add) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(add);
        }
    }
    let mut digest = [0u8; 32];
    for (bytes, word) in digest.chunks_exact_mut(4).zip(h) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

/// `data` in base64 with padding (RFC 4648, section 4), as a security policy writes a hash.
#[must_use]
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let bits = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                let sextet = (bits >> (18 - 6 * i) & 63) as usize;
                out.push(char::from(ALPHABET.get(sextet).copied().unwrap_or(b'=')));
            } else {
                out.push('=');
            }
        }
    }
    out
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
