//! Writes what the page shows without the chart program, from the figures file, by the same
//! code the browser runs, and the figures' digest that the chart program reads (beside the
//! file, as `figures.bin`): each chart as SVG and its data as CSV (into `www/static/`); each
//! chart's figure, the claims check and the chart loader into `index.html` between their
//! markers; the frames' heights into `www/style.css`; then each chart's embed page (into
//! `www/embed/`).
//! Usage: `static_figures [FIGURES_JSON] [OUT_DIR] [PAGE]`, or `static_figures --digest
//! FIGURES_JSON DIGEST` to write the digest of a file alone (for tests that serve other figures).

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    return native::main();
    // Static figures are drawn natively only.
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use reassurance_force::catalogue::STATIC_VERSIONS;
    use reassurance_force::charts::theme::{Palette, Theme};
    use reassurance_force::{
        atlas, figures, frame_height, page_script, page_skeleton, static_embed, static_page,
        static_svg,
    };

    pub fn main() -> ExitCode {
        let mut args = std::env::args().skip(1).peekable();
        if args.peek().is_some_and(|a| a == "--digest") {
            let (Some(input), Some(output)) = (args.nth(1), args.next()) else {
                eprintln!("static_figures: --digest FIGURES_JSON DIGEST");
                return ExitCode::FAILURE;
            };
            return match write_digest(Path::new(&input), Path::new(&output)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(why) => {
                    eprintln!("static_figures: {why}");
                    ExitCode::FAILURE
                }
            };
        }
        let input = PathBuf::from(
            args.next()
                .unwrap_or_else(|| "www/data/figures.json".into()),
        );
        let out = PathBuf::from(args.next().unwrap_or_else(|| "www/static".into()));
        let page = PathBuf::from(args.next().unwrap_or_else(|| "index.html".into()));
        match run(&input, &out, &page) {
            Ok(n) => {
                println!(
                    "wrote the figures' digest, {n} charts (SVG and CSV) to {}, the claims check and the chart loader to {}, and an embed page for each chart",
                    out.display(),
                    page.display()
                );
                ExitCode::SUCCESS
            }
            Err(why) => {
                eprintln!("static_figures: {why}");
                ExitCode::FAILURE
            }
        }
    }

    /// Removes the files of `dir` not named in `keep`.
    fn remove_others(dir: &Path, keep: &[String]) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_file() && !keep.contains(&name) {
                std::fs::remove_file(entry.path())
                    .map_err(|e| format!("{}: {e}", entry.path().display()))?;
            }
        }
        Ok(())
    }

    fn write(path: &Path, text: &str) -> Result<(), String> {
        // Rewriting an unchanged file would only disturb its timestamp.
        if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
            return Ok(());
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Reads and checks the figures file at `input`.
    fn read(input: &Path) -> Result<figures::Figures, String> {
        let text =
            std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
        figures::parse(&text).map_err(|e| format!("{}: {e}", input.display()))
    }

    /// Writes the digest of the figures file at `input` to `output`, unless it holds it already.
    fn write_digest(input: &Path, output: &Path) -> Result<(), String> {
        let bytes = read(input)?.digest().map_err(|e| e.to_string())?;
        if std::fs::read(output).ok().as_deref() != Some(bytes.as_slice()) {
            std::fs::write(output, &bytes).map_err(|e| format!("{}: {e}", output.display()))?;
        }
        Ok(())
    }

    /// Writes the maps' file from the world atlas the build tools install, if they are there
    /// (else the project's own copy of the file stays as it is).
    fn write_maps(figures: &figures::Figures, root: &Path) -> Result<(), String> {
        let source = root.join(atlas::SOURCE);
        let Ok(text) = std::fs::read_to_string(&source) else {
            return Ok(());
        };
        let topology = atlas::topojson::read(&text)?;
        let sheets = atlas::sheets::atlas(&topology, figures)?;
        let bytes = postcard::to_allocvec(&sheets).map_err(|e| format!("the maps' file: {e}"))?;
        let path = root.join(atlas::FILE);
        if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
            std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }

    fn run(input: &Path, out: &Path, page: &Path) -> Result<usize, String> {
        write_digest(input, &input.with_extension("bin"))?;
        let figures = read(input)?;
        write_maps(&figures, page.parent().unwrap_or_else(|| Path::new(".")))?;
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        let theme = Theme::new(Palette::LIGHT, 1.0);
        let heights = frame_height::heights(&figures)?;
        for ((spec, model), heights) in page_skeleton::build_all(&figures)?
            .into_iter()
            .zip(&heights)
        {
            let slug = spec.slug.as_str();
            for (width, suffix) in STATIC_VERSIONS {
                let height = frame_height::at_width(heights, width);
                let svg = static_svg::draw(&model, (width, height), &theme)
                    .map_err(|e| format!("{slug}: {e}"))?;
                write(&out.join(format!("{slug}{suffix}.svg")), &svg)?;
            }
            write(&out.join(format!("{slug}.csv")), &static_page::csv(&model))?;
        }
        let html = std::fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
        let root = page.parent().unwrap_or_else(|| Path::new("."));
        let loader_path = root.join(page_script::LOADER);
        let loader = std::fs::read_to_string(&loader_path)
            .map_err(|e| format!("{}: {e}", loader_path.display()))?;
        let html = static_page::regenerate(&html, &figures, &loader)?;
        write(page, &html)?;
        let css_path = root.join(page_skeleton::STYLE);
        let css = std::fs::read_to_string(&css_path)
            .map_err(|e| format!("{}: {e}", css_path.display()))?;
        write(&css_path, &page_skeleton::with_heights(&css, &figures)?)?;
        let embeds = root.join(static_embed::DIR);
        std::fs::create_dir_all(&embeds).map_err(|e| format!("{}: {e}", embeds.display()))?;
        let mut written = Vec::new();
        for spec in figures.charts() {
            let name = format!("{}.html", spec.slug);
            write(
                &embeds.join(&name),
                &static_embed::embed_html(&html, &spec.slug)?,
            )?;
            written.push(name);
        }
        // A chart the file no longer declares leaves no file behind.
        remove_others(&embeds, &written)?;
        let mut drawn = Vec::new();
        for spec in figures.charts() {
            drawn.push(format!("{}.csv", spec.slug));
            for (_, suffix) in STATIC_VERSIONS {
                drawn.push(format!("{}{suffix}.svg", spec.slug));
            }
        }
        remove_others(out, &drawn)?;
        Ok(figures.charts().len())
    }
}
