//! Writes the static SVG of every chart into `www/static/`, drawn from the figures file by the
//! same chart code the browser runs. Usage: `figure_svgs [FIGURES_JSON] [OUT_DIR]`.

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    return native::main();
    // Static SVGs are drawn natively only.
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::process::ExitCode;

    use reassurance_force::catalogue::{ChartId, NOMINAL_WIDTH};
    use reassurance_force::charts::theme::{Palette, Theme};
    use reassurance_force::{figures, static_svg};

    pub fn main() -> ExitCode {
        let mut args = std::env::args().skip(1);
        let input = PathBuf::from(
            args.next()
                .unwrap_or_else(|| "www/data/figures.json".into()),
        );
        let out = PathBuf::from(args.next().unwrap_or_else(|| "www/static".into()));
        match run(&input, &out) {
            Ok(n) => {
                println!("wrote {n} SVG files to {}", out.display());
                ExitCode::SUCCESS
            }
            Err(why) => {
                eprintln!("figure_svgs: {why}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(input: &PathBuf, out: &PathBuf) -> Result<usize, String> {
        let text =
            std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
        let figures = figures::parse(&text).map_err(|e| format!("{}: {e}", input.display()))?;
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        let theme = Theme::new(Palette::LIGHT, 1.0);
        for id in ChartId::ALL {
            let svg =
                static_svg::render(id, &figures, (NOMINAL_WIDTH, id.nominal_height()), &theme)
                    .map_err(|e| format!("{}: {e}", id.slug()))?;
            let path = out.join(format!("{}.svg", id.slug()));
            std::fs::write(&path, svg).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(ChartId::ALL.len())
    }
}
