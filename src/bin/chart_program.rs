//! Shortens the built chart program's import names and the names of the exports its glue
//! calls, in the wasm and its glue alike
//! (`reassurance_force::chart_program`). Run by the build after the wasm package is built and
//! before its glue is minified. Usage: `chart_program WASM GLUE` (both rewritten in place).

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    return native::main();
    // A build tool, run natively only.
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::process::ExitCode;

    use reassurance_force::chart_program::{shorten_exports, shorten_glue, shorten_wasm};

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let [wasm, glue] = args.as_slice() else {
            eprintln!("usage: chart_program WASM GLUE");
            return ExitCode::FAILURE;
        };
        match run(wasm, glue) {
            Ok(n) => {
                println!("chart program: {n} import names shortened");
                ExitCode::SUCCESS
            }
            Err(why) => {
                eprintln!("chart_program: {why}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(wasm_path: &str, glue_path: &str) -> Result<usize, String> {
        let wasm = std::fs::read(wasm_path).map_err(|e| format!("{wasm_path}: {e}"))?;
        let glue = std::fs::read_to_string(glue_path).map_err(|e| format!("{glue_path}: {e}"))?;
        let (short_wasm, shortened) = shorten_wasm(&wasm)?;
        let short_glue = shorten_glue(&glue, &shortened)?;
        let (short_wasm, short_glue, exports) = shorten_exports(&short_wasm, &short_glue)?;
        println!("chart program: {exports} export names shortened");
        // Both written only once both are made, so that a failure leaves the pair as it was.
        std::fs::write(wasm_path, short_wasm).map_err(|e| format!("{wasm_path}: {e}"))?;
        std::fs::write(glue_path, short_glue).map_err(|e| format!("{glue_path}: {e}"))?;
        Ok(shortened.names.len())
    }
}
