// The engine's side of what answers.js reads, from the engine itself (engine_data.py).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const python = process.env.PYTHON ?? `${root}.venv/bin/python`;
const script = fileURLToPath(new URL("engine_data.py", import.meta.url));

export const engine = JSON.parse(execFileSync(python, [script], { cwd: root, encoding: "utf-8" }));

// The bank as bankFromForm makes it from the page.
export function bankAsOnThePage({ fingerprint = engine.fingerprint, questions = engine.questions } = {}) {
  return { fingerprint, links: engine.links, questions, byId: new Map(questions.map((question) => [question.id, question])) };
}
