"""A script's module graph, read from the scripts (what the snapshot's maker depends on)."""

from script_modules import SCRIPTS, module_graph


def write(folder, files: dict[str, str]):
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_every_module_once_through_imports_over_several_lines_and_re_exports(tmp_path):
    folder = write(tmp_path, {
        "page.js": 'import { a } from "./a.js";\nimport {\n  b,\n  c,\n} from "./b.js";\n',
        "a.js": 'export { shared } from "./shared.mjs";\nimport { b } from "./b.js";\n',
        "b.js": 'import { a } from "./a.js";\n',  # a cycle: each module is still listed once
        "shared.mjs": "export const shared = 1;\n",
    })
    assert module_graph("page.js", folder) == ["page.js", "a.js", "b.js", "shared.mjs"]


def test_dynamic_imports_comments_and_other_hosts_are_not_followed(tmp_path):
    folder = write(tmp_path, {
        "page.js": 'const later = await import("./later.js");\n// import { x } from "./commented.js";\n'
                   'import { y } from "../elsewhere/y.js";\n',
    })
    assert module_graph("page.js", folder) == ["page.js"]


def test_the_real_page_scripts_reach_the_engine_client_and_the_head_script():
    for script in ("assessment.js", "team.js"):
        graph = module_graph(script)
        assert {"engine-client.js", "engine-early.js", "boot-stages.js"} <= set(graph)
        assert all((SCRIPTS / name).is_file() for name in graph)
        assert not {"engine-worker.js", "runtime-fetch.js"} & set(graph), "the worker's modules are the worker's"
