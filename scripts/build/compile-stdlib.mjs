// Compiles the cut standard library to bytecode, with the runtime's own Python, so a reader's
// browser does not compile it on every normal boot: CPython in WebAssembly spent more time
// compiling the library's source than doing anything else while it started (bench/README.md,
// "What each boot downloads"). Run at build time by site_build/assessment/stdlib.py:
//
//   node compile-stdlib.mjs <path of pyodide.mjs> <cut archive, source> <output archive>
//
// Each `name.py` becomes `name.pyc` (PEP 552: unchecked hash-based, so the same source gives the
// same bytes), in the place the runtime mounts its library, which Python imports without source.
// Compiled as `python -OO` would (no docstrings, no asserts) and without line numbers: a third of
// each compiled file is its table of line numbers, which only a traceback through the library
// would read. So the archive is about as small as the source it replaces.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [runtimeModule, source, target] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(runtimeModule).href);
const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
pyodide.FS.writeFile("/tmp/source.zip", readFileSync(source));
pyodide.runPython(`
import importlib.util, marshal, sys, zipfile

UNCHECKED_HASH = (0b01).to_bytes(4, "little")  # PEP 552 flags: hash-based, source not checked
library = next(entry for entry in sys.path if entry.endswith(".zip"))  # named in tracebacks

def without_line_numbers(code):
    consts = tuple(without_line_numbers(const) if isinstance(const, type(code)) else const for const in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)

def compiled(name, text):
    code = compile(text, f"{library}/{name}", "exec", dont_inherit=True, optimize=2)
    header = importlib.util.MAGIC_NUMBER + UNCHECKED_HASH + importlib.util.source_hash(text)
    return header + marshal.dumps(without_line_numbers(code))

with zipfile.ZipFile("/tmp/source.zip") as cut, zipfile.ZipFile("/tmp/compiled.zip", "w") as out:
    for entry in cut.infolist():
        data = cut.read(entry)
        if entry.filename.endswith(".py"):
            data = compiled(entry.filename, data)
            entry = zipfile.ZipInfo(entry.filename + "c", entry.date_time)
        out.writestr(entry, data, compress_type=zipfile.ZIP_STORED if entry.is_dir() else zipfile.ZIP_DEFLATED, compresslevel=9)
`);
writeFileSync(target, pyodide.FS.readFile("/tmp/compiled.zip"));
