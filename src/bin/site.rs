//! Writes the deployable folder (`site/`): the page and exactly the files it and its charts'
//! embed pages need, each that a host sends compressed also packed ahead of time beside it
//! (`name.gz`, [`reassurance_force::site::packed`]), with its headers as a `_headers` file in it
//! and an nginx snippet beside it (`site-nginx.conf`). Run after `static_figures` and the wasm
//! build. Usage: `site [PROJECT_DIR]`.

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    return native::main();
    // The folder is written natively only.
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use reassurance_force::{figures, site};

    pub fn main() -> ExitCode {
        let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
        match run(&root) {
            Ok((n, packs)) => {
                println!(
                    "wrote {n} files ({packs} of them also packed) and the page's headers to {}",
                    root.join(site::DIR).display()
                );
                ExitCode::SUCCESS
            }
            Err(why) => {
                eprintln!("site: {why}");
                ExitCode::FAILURE
            }
        }
    }

    /// Writes the folder; returns how many files it holds, and how many of them are packed too.
    fn run(root: &Path) -> Result<(usize, usize), String> {
        let page_path = root.join("index.html");
        let page = std::fs::read_to_string(&page_path)
            .map_err(|e| format!("{}: {e}", page_path.display()))?;
        let policy = site::declared_policy(&page)
            .ok_or("index.html declares no Content-Security-Policy")?
            .to_string();
        let figures_path = root.join("www/data/figures.json");
        let text = std::fs::read_to_string(&figures_path)
            .map_err(|e| format!("{}: {e}", figures_path.display()))?;
        let figures = figures::parse(&text).map_err(|e| e.to_string())?;
        // The chart program reads the digest: one written from other figures is not published.
        let digest_path = root.join("www/data/figures.bin");
        let digest =
            std::fs::read(&digest_path).map_err(|e| format!("{}: {e}", digest_path.display()))?;
        if digest != figures.digest().map_err(|e| e.to_string())? {
            return Err(format!(
                "{} was not written from {}: run the build (static_figures) first",
                digest_path.display(),
                figures_path.display()
            ));
        }
        let slugs: Vec<&str> = figures.charts().iter().map(|c| c.slug.as_str()).collect();
        let files = site::files(root, &page, &slugs)?;
        let out = root.join(site::DIR);
        // A fresh folder: nothing left from an earlier build.
        if out.exists() {
            std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        }
        let mut to_pack = Vec::new();
        for file in &files {
            let (from, to) = (root.join(file), out.join(file));
            if let Some(dir) = to.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            let bytes = std::fs::read(&from).map_err(|e| format!("{}: {e}", from.display()))?;
            std::fs::write(&to, &bytes).map_err(|e| format!("{}: {e}", to.display()))?;
            if site::compressible(file) {
                to_pack.push((to, bytes));
            }
        }
        let packs = pack_beside(&to_pack)?;
        let write = |name: &str, text: String| {
            let path = out.join(name);
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
        };
        write("_headers", site::headers_file(&policy))?;
        let snippet = root.join(site::NGINX_SNIPPET);
        std::fs::write(&snippet, site::nginx_snippet(&policy))
            .map_err(|e| format!("{}: {e}", snippet.display()))?;
        Ok((files.len(), packs))
    }

    /// Packs each file ahead of time beside itself (`name.gz`), for the host to send as it is,
    /// on as many threads as the machine runs at once (the packing's search is slow: about 28 s
    /// on one thread here); returns how many were packed (a file packing would not shrink is not).
    fn pack_beside(files: &[(PathBuf, Vec<u8>)]) -> Result<usize, String> {
        let next = AtomicUsize::new(0);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let work = || -> Result<usize, String> {
            let mut packs = 0;
            while let Some((to, bytes)) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                if let Some(packed) = site::packed(bytes)? {
                    let mut name = to.clone().into_os_string();
                    name.push(".gz");
                    let name = PathBuf::from(name);
                    std::fs::write(&name, packed)
                        .map_err(|e| format!("{}: {e}", name.display()))?;
                    packs += 1;
                }
            }
            Ok(packs)
        };
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
            workers.into_iter().try_fold(0, |total, worker| {
                let packs = worker
                    .join()
                    .map_err(|_| "a packing thread stopped".to_string())??;
                Ok(total + packs)
            })
        })
    }
}
