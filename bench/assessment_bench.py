"""How long the reader waits on /assessment/, by kind of visit, cold and warm, against two plain
main-thread boots: the lean baseline (the site's own runtime files booted plainly) and the naive one
(the whole standard library the runtime ships, compiled in the browser).

Builds the site into a temporary folder, adds the baseline pages next to the real one, serves
both with gzip and cache headers, and drives headless Chromium. Each kind of visit boots the way
the page chooses for it (no fragment and partial saved answers: the normal boot; a share link and
complete saved answers: the memory snapshot). Prints medians, ratios, where the worker's boot time
goes, and the normal boot with the main thread slowed 4x; asserts nothing (figures vary with the machine;
compare the columns measured in the same run).

`--before REF` also builds the site as it was at a git commit (from a temporary worktree of this
repository, with this checkout's packages) and measures it in the same run, beside today's.

`--networks` (default: all) then measures each kind of visit (plain, shared link, team link), cold
and warm, on emulated networks (CDP Network.emulateNetworkConditions on every page, which throttles
its worker too), the page beside both baselines in the same run, and prints times, bytes and
ratios against both baselines as one table: the figures the README's boot section quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from collections.abc import Hashable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from assessment import load_bank
from assessment.browser import warm_up_answers
from assessment.links import share_link, team_link
from support.chromium import BOOT_TIMEOUT_MS, launch_options
from support.server import StaticSite
from support.site import ROOT, build_site, storage_keys
from support.snapshot_cache import wait_until_snapshot_kept

from .figures import machine_note, print_table, ratio, verdict
from .naive_page import add_lean_page, add_naive_page

CPU_SLOWDOWN = 4
# An option not already chosen (partial answers are restored), so a click on it is a change.
UNCHOSEN_OPTION = "fieldset[data-question] input:not(:checked)"
# Where the option is once scrolled to, when the page shows it; null until then.
SHOW_UNCHOSEN_OPTION = """(selector) => {
  const option = document.querySelector(selector);
  if (!option?.getClientRects().length) return null;
  option.scrollIntoView({ block: "center" });
  const { x, y, width, height } = option.getBoundingClientRect();
  return { x: x + width / 2, y: y + height / 2 };
}"""
RESULT_GRACE_MS = 5_000

# Collects long tasks on the main thread and the moment the first answer is taken.
PROBE = """
window.__bench = { longTasks: [], scripts: [], firstChange: null };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: "longtask", buffered: true });
// Which script a long frame's time went to (Long Animation Frames: scripts of 5 ms or more).
new PerformanceObserver((list) => {
  for (const frame of list.getEntries()) {
    for (const script of frame.scripts) {
      window.__bench.scripts.push({ start: script.startTime, duration: script.duration, source: script.sourceURL,
                                    invoker: script.invoker, function: script.sourceFunctionName,
                                    forcedLayout: script.forcedStyleAndLayoutDuration,
                                    theme: script.sourceURL.includes("/assets/javascripts/") }); // Material's bundle, our theme files
    }
  }
}).observe({ type: "long-animation-frame", buffered: true });
document.addEventListener("change", () => { window.__bench.firstChange ??= performance.now(); }, true);
"""

READ_MARKS = """() => {
  const last = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? null;
  const worker = performance.getEntriesByType("measure").filter(({ name }) => name.startsWith("engine:"))
    .map(({ name, startTime, duration }) => [name, startTime + duration]);
  return { ready: last("assessment:engine-ready"), submit: last("assessment:submit"),
           result: last("assessment:result-shown"), worker: Object.fromEntries(worker), ...window.__bench };
}"""

# The engine's own warm-up answers: a complete answer set for any bank.
FILL_ANSWERS = """(answers) => {
  const form = document.querySelector("[data-assessment-form]");
  for (const [question, option] of Object.entries(answers)) {
    form.querySelector(`input[name="${question}"][value="${option}"]`).checked = true;
  }
  form.dispatchEvent(new Event("change", { bubbles: true }));
}"""


@dataclass
class Samples:
    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float | None) -> None:
        if value is not None:
            self.values.setdefault(name, []).append(value)

    def median(self, name: str) -> float | None:
        values = self.values.get(name)
        return statistics.median(values) if values else None


@dataclass(frozen=True)
class Visit:
    """A kind of visit: its fragment, the answers saved in the browser before it, whether it shows a
    result on arrival."""

    name: str
    fragment: str = ""
    saved: dict[str, str] | None = None
    result_on_arrival: bool = False


def visit_kinds(bank) -> list[Visit]:
    complete = warm_up_answers()
    link = share_link(bank, complete)
    first = bank.questions[0]
    return [
        Visit("no fragment"),
        Visit("shared link", fragment=link, result_on_arrival=True),
        Visit("returning, complete answers", saved=complete, result_on_arrival=True),
        Visit("returning, partial answers", saved={first.id: first.options[0].id}),
    ]


def prepare(page, site: StaticSite, visit: Visit, fingerprint: str) -> None:
    """Same origin, no engine: the saved answers set (or cleared) as the visit needs them."""
    page.goto(site.url + "404.html")
    saved = json.dumps({"bank": fingerprint, "answers": visit.saved}) if visit.saved is not None else None
    page.evaluate("([key, value]) => value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value)",
                  [storage_keys(site.folder)["answers"], saved])


def measure_visit(page, url: str, site: StaticSite, visit: Visit, samples: Samples, *, can_submit: bool) -> None:
    site.take_bytes_sent()
    page.goto(url + visit.fragment, wait_until="commit")
    if not visit.result_on_arrival:
        answer_the_first_question_once_shown(page)
    page.wait_for_selector("[data-engine-status=ready]", state="attached", timeout=BOOT_TIMEOUT_MS)
    if visit.result_on_arrival:
        shown_soon_after_ready(page)
    marks = page.evaluate(READ_MARKS)
    samples.add("questions usable", marks["firstChange"])
    samples.add("python ready", marks["ready"])
    samples.add("result shown", marks["result"] if visit.result_on_arrival else None)
    until = max(marks["ready"], marks["result"] or 0)
    during_boot = [task["duration"] for task in marks["longTasks"] if task["start"] < until]
    samples.add("longest main-thread task during boot", max(during_boot, default=0.0))
    samples.add("bytes transferred", site.take_bytes_sent())
    for name, end in marks["worker"].items():
        samples.add(name, end)
    if can_submit and not visit.result_on_arrival:
        page.evaluate(FILL_ANSWERS, warm_up_answers())
        page.click("form[data-assessment-form] button[type=submit]")
        page.wait_for_function("() => performance.getEntriesByName('assessment:result-shown').length > 0")
        marks = page.evaluate(READ_MARKS)
        samples.add("submit -> result (ready engine)", marks["result"] - marks["submit"])
    wait_until_snapshot_kept(page)  # as a reader reading the result would let it be (for the warm visits)


def answer_the_first_question_once_shown(page) -> None:
    """Clicks an option of the first question as a reader can: in the first animation frame that
    shows it (none runs before the first paint), scrolled to, with one mouse click, which the page
    takes when its main thread is free. Playwright's own click put up to half a second of the
    harness into "questions usable": it looks for its target at 0, 20, 70, 170, 270 ms and then
    every 500 ms, and then checks it in several round trips, each waiting for the busy page."""
    point = page.wait_for_function(SHOW_UNCHOSEN_OPTION, arg=UNCHOSEN_OPTION, polling="raf", timeout=BOOT_TIMEOUT_MS)
    page.mouse.click(**point.json_value())
    if page.evaluate("window.__bench.firstChange") is None:  # the page moved under the pointer: later, but taken
        page.click(UNCHOSEN_OPTION, timeout=BOOT_TIMEOUT_MS)


def shown_soon_after_ready(page) -> None:
    """The result follows "ready" within milliseconds; a page that shows none on arrival (as
    returning visits did before the page chose its boot) is measured without it."""
    try:
        page.wait_for_function("() => performance.getEntriesByName('assessment:result-shown').length > 0", timeout=RESULT_GRACE_MS)
    except PlaywrightTimeout:
        pass


def new_page(context):
    context.add_init_script(PROBE)
    return context.new_page()


def bench_page(browser, site: StaticSite, path: str, visits: list[Visit], fingerprint: str, runs: int,
               *, can_submit: bool) -> dict[str, dict[str, Samples]]:
    """{visit name: {"cold": samples, "warm": samples}}."""
    url = site.url + path
    results = {visit.name: {"cold": Samples(), "warm": Samples()} for visit in visits}
    for _ in range(runs):
        for visit in visits:
            context = browser.new_context()
            page = new_page(context)
            prepare(page, site, visit, fingerprint)
            measure_visit(page, url, site, visit, results[visit.name]["cold"], can_submit=can_submit)
            context.close()
    # Warm: one browser whose caches were filled by a first visit of every kind, then the measured ones.
    context = browser.new_context()
    page = new_page(context)
    for visit in visits:
        prepare(page, site, visit, fingerprint)
        measure_visit(page, url, site, visit, Samples(), can_submit=False)
    for _ in range(runs):
        for visit in visits:
            prepare(page, site, visit, fingerprint)
            measure_visit(page, url, site, visit, results[visit.name]["warm"], can_submit=can_submit)
    context.close()
    return results


def slow_cpu_boot(browser, site: StaticSite, path: str, visit: Visit, fingerprint: str, runs: int) -> Samples:
    """Cold visits with the page slowed down CPU_SLOWDOWN times (CDP Emulation.setCPUThrottlingRate).
    Chromium applies it to the page's main thread only: a busy loop in a dedicated worker runs no
    slower, and Playwright opens no CDP session on a worker. So this is the normal boot beside a
    slow main thread; a loaded machine (see the load average) slows the worker itself."""
    samples = Samples()
    for _ in range(runs):
        context = browser.new_context()
        page = new_page(context)
        prepare(page, site, visit, fingerprint)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        measure_visit(page, site.url + path, site, visit, samples, can_submit=False)
        context.close()
    return samples


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value / 1000:.2f} s"


def milliseconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} ms"


def megabytes(value: float | None) -> str:
    return "-" if value is None else f"{value / 1e6:.2f} MB"


ROWS = (
    ("questions usable", seconds),
    ("python ready", seconds),
    ("result shown", seconds),
    ("submit -> result (ready engine)", milliseconds),
    ("longest main-thread task during boot", milliseconds),
    ("bytes transferred", megabytes),
)
WORKER_ROWS = ("engine:runtime module", "engine:snapshot bytes", "engine:python started", "engine:engine imported")


SHORT_NAMES = {"no fragment": "plain", "shared link": "link", "returning, complete answers": "ret.complete",
               "returning, partial answers": "ret.partial"}


def report(page: dict, baselines: dict[str, dict], slow: Samples, runs: int) -> None:
    print(f"\nAssessment page, medians of {runs} runs (headless Chromium, gzip, loopback). Columns: the page for each")
    print("kind of visit (plain = no fragment, link = shared link, ret. = returning with saved answers); lean and")
    print("naive = the baselines' main-thread boot, plain and link; then the page / the lean baseline, plain and link.")
    print_columns(page, baselines)
    print_targets(page, baselines["naive"], slow)


def print_columns(page: dict, baselines: dict[str, dict]) -> None:
    names = list(page)
    columns = [(name, page[name]) for name in names] + [(f"{kind} {name}", runs[name]) for kind, runs in baselines.items() for name in runs]
    labels = [SHORT_NAMES[name] for name in names] + [f"{kind} {SHORT_NAMES[name]}" for kind, runs in baselines.items() for name in runs]
    lean = baselines["lean"]
    for mode in ("cold", "warm"):
        title = "cold (empty caches)" if mode == "cold" else "warm (caches filled by earlier visits)"
        header = f"{title:40}" + "".join(f"{label:>14}" for label in labels) + f"{'plain/lean':>12}{'link/lean':>12}"
        print("\n" + header)
        print("-" * len(header))
        for name, show in (*ROWS, *((row, seconds) for row in WORKER_ROWS)):
            values = [samples[mode].median(name) for _, samples in columns]
            shown = name.replace("engine:", "worker: ") if name.startswith("engine:") else name
            against = [ratio(page[visit][mode].median(name), lean[visit][mode].median(name)) for visit in ("no fragment", "shared link")]
            print(f"{shown:40}" + "".join(f"{show(value):>14}" for value in values) + "".join(f"{text:>12}" for text in against))


def print_targets(page: dict, naive: dict, slow: Samples) -> None:
    names = list(page)
    print(f"\nNormal boot (no fragment, cold), the page's main thread {CPU_SLOWDOWN}x slower (CDP; the worker is not slowed):")
    print(f"  python ready {seconds(slow.median('python ready'))} (runs: "
          + ", ".join(seconds(value) for value in slow.values.get("python ready", [])) + ")")

    plain, link = page["no fragment"]["cold"], page["shared link"]["cold"]
    naive_link = naive["shared link"]["cold"].median("result shown")
    warm_results = [page[name]["warm"].median("result shown") for name in ("shared link", "returning, complete answers")]
    warm_worst = max((value for value in warm_results if value is not None), default=None)
    submit = plain.median("submit -> result (ready engine)")
    longest = max(value for name in names for mode in ("cold", "warm")
                  for value in page[name][mode].values.get("longest main-thread task during boot", [0]))
    transferred, usable, ready = plain.median("bytes transferred"), plain.median("questions usable"), plain.median("python ready")
    shared = link.median("result shown")
    print("\nTargets (the page)")
    print(f"  no fragment, cold: <= 6.5 MB transferred:     {megabytes(transferred):>10}  {verdict(bool(transferred and transferred <= 6.5e6))}")
    print(f"  no fragment, cold: questions usable <= 0.35 s:{seconds(usable):>10}  {verdict(bool(usable and usable <= 350))}")
    print(f"  no fragment, cold: python ready <= 5 s:       {seconds(ready):>10}  {verdict(bool(ready and ready <= 5000))}")
    print(f"  shared link cold <= 0.3x naive baseline:      {ratio(shared, naive_link):>10}  "
          f"{verdict(bool(shared and naive_link and shared <= 0.3 * naive_link))}")
    print(f"  warm shared link / returning result <= 0.8 s: {seconds(warm_worst):>10}  {verdict(bool(warm_worst and warm_worst <= 800))}")
    print(f"  submit -> result <= 100 ms:                   {milliseconds(submit):>10}  {verdict(submit is not None and submit <= 100)}")
    print(f"  no main-thread long task > 200 ms (any run):  {milliseconds(longest):>10}  {verdict(longest <= 200)}")


# ---------------------------------------------------------------- emulated networks

@dataclass(frozen=True)
class Network:
    """A network the reader may be on: downlink (and uplink) in Mbit/s and round-trip time; no
    downlink means loopback, nothing emulated."""

    key: str
    name: str
    down_mbit: float | None = None
    rtt_ms: int = 0

    def apply(self, context, page) -> None:
        if self.down_mbit is None:
            return
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        rate = self.down_mbit * 1e6 / 8
        session.send("Network.emulateNetworkConditions", {"offline": False, "latency": self.rtt_ms, "downloadThroughput": rate, "uploadThroughput": rate})


NETWORKS = (
    Network("loopback", "loopback"),
    Network("100mbit", "100 Mbit/s, 10 ms", 100, 10),
    Network("50mbit", "50 Mbit/s, 20 ms", 50, 20),
    Network("25mbit", "25 Mbit/s, 40 ms", 25, 40),
    Network("4g", "4G: 9 Mbit/s, 170 ms", 9, 170),
    Network("slow4g", "slow 4G: 1.6 Mbit/s, 150 ms", 1.6, 150),
)


@dataclass(frozen=True)
class NetworkVisit:
    """A kind of visit on a network: where it goes, the mark that says the reader has what they came
    for, and whether the reader answers the first question as soon as it is shown (then forgotten,
    so the next visit is of the same kind)."""

    name: str
    path: str
    fragment: str
    mark: str
    answers_first: bool = False


def network_visits(bank, lean_path: str, naive_path: str) -> list[tuple[NetworkVisit, NetworkVisit, NetworkVisit]]:
    """(the page's visit, the lean baseline for it, the naive one): the baselines have no team view,
    so a team link is compared with their shared link, which also shows a result on arrival."""
    link = next(visit.fragment for visit in visit_kinds(bank) if visit.name == "shared link")
    team = team_link(bank, [("CEO", warm_up_answers()), ("HR", warm_up_answers())])

    def baseline(path: str) -> tuple[NetworkVisit, NetworkVisit]:
        return (NetworkVisit("plain", path, "", "assessment:engine-ready", answers_first=True),
                NetworkVisit("shared link", path, link, "assessment:result-shown"))

    (lean_plain, lean_link), (naive_plain, naive_link) = baseline(lean_path), baseline(naive_path)
    return [
        (NetworkVisit("plain", "assessment/", "", "assessment:engine-ready", answers_first=True), lean_plain, naive_plain),
        (NetworkVisit("shared link", "assessment/", link, "assessment:result-shown"), lean_link, naive_link),
        (NetworkVisit("team link", "assessment/team/", team, "team:shown"), lean_link, naive_link),
    ]


# The longest of the page's own scripts before a moment (ms since the page's start; {duration, source,
# invoker, function}, or null): the theme's left out (the same on every page of the site), and so is
# what the bench itself runs in the page (Playwright's polling, evaluated from no file).
LONGEST_OWN_SCRIPT_BEFORE = """(end) => window.__bench.scripts
  .filter(({ start, source, theme }) => start < end && source && !theme)
  .reduce((longest, script) => (longest && longest.duration >= script.duration ? longest : script), null)"""
# The longest of the theme's scripts before it (ms; 0 for none): its bundle, the same on every page of
# the site, with or without a boot beside it.
LONGEST_THEME_SCRIPT_BEFORE = """(end) => Math.max(0, ...window.__bench.scripts
  .filter(({ start, theme }) => start < end && theme).map(({ duration }) => duration))"""
# The longest task before it with the theme's scripts and the bench's in it taken out ({duration,
# start, scripts}: the page's scripts in it; null for none): how long the boot and the page's own
# code hold the main thread. A task that runs the theme's bundle and then the page's module counts
# for the module's part only. The style and layout those scripts force stay counted: they are the
# page's, which its frame would do anyway. (The bench's script has no file: it looks for the first
# question in each frame. Times are rounded to a millisecond or so.)
LONGEST_TASK_BESIDE_THE_THEME_BEFORE = """(end) => {
  const isPages = ({ source, theme }) => Boolean(source) && !theme;
  const within = (task) => window.__bench.scripts
    .filter(({ start, duration }) => start >= task.start - 1 && start + duration <= task.start + task.duration + 1);
  return window.__bench.longTasks.filter(({ start }) => start < end).map((task) => {
    const scripts = within(task);
    const others = scripts.filter((script) => !isPages(script)).reduce((sum, { duration, forcedLayout }) => sum + duration - forcedLayout, 0);
    return { duration: task.duration - others, start: task.start, scripts: scripts.filter(isPages) };
  }).reduce((longest, task) => (longest && longest.duration >= task.duration ? longest : task), null);
}"""
# A task longer than this holds the reader's input back (the budget for the boot's tasks).
MAIN_THREAD_BUDGET_MS = 50
# Long tasks and frames are reported once they end: the frame that draws what the mark announced,
# and the next (where the page focuses it), are waited for; the figures then count until their end.
AFTER_THE_NEXT_TWO_FRAMES = """() => new Promise((done) =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 50))))"""


def named(script: dict) -> str:
    """A script of Long Animation Frames' as a reader of the bench's output finds it in the sources."""
    return f"{script['function'] or 'top level'} in {script['source'].rsplit('/', 1)[-1]}, run by {script['invoker']}"


def browser_cpu_ticks() -> dict[int, int]:
    """{pid: CPU ticks used so far} of the processes this bench started (the browser's, every
    thread, and Playwright's driver), from Linux's /proc; empty elsewhere."""
    parents, used = {}, {}
    for entry in Path("/proc").iterdir() if Path("/proc/self/stat").exists() else ():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # a process that has just ended
        parents[int(entry.name)], used[int(entry.name)] = int(fields[1]), int(fields[11]) + int(fields[12])

    def ours(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 0)
            if pid == os.getpid():
                return True
        return False

    return {pid: ticks for pid, ticks in used.items() if ours(pid)}


def cpu_seconds_since(before: dict[int, int]) -> float | None:
    """CPU seconds the bench's processes used since `before` (processes that ended meanwhile left
    uncounted: a tab of an earlier visit, closed)."""
    after = browser_cpu_ticks()
    if not after:
        return None
    return sum(ticks - before.get(pid, 0) for pid, ticks in after.items()) / os.sysconf("SC_CLK_TCK")


# How long a cold visit's tab stays open after its figures are read, before the warm visit: the
# browser keeps the runtime's compiled WebAssembly for the next visit only a while after compiling
# it (a reader's tab stays open for minutes). Closed at once, the faster page's tab was sometimes
# closed before that, and its warm visit compiled everything again (4G warm plain visits: 2.3 to
# 2.4 CPU seconds against the lean page's 1.6 to 1.8, in two runs at a load of 2 to 4).
COLD_TAB_STAYS_MS = 3_000


def timed_visit(context, site: StaticSite, network: Network, visit: NetworkVisit, *, stays_ms: int = 0) -> dict[str, float]:
    """One visit in this browser context: ms until its mark ("time"), until the first answer was
    taken ("usable", if the visit answers), the longest main-thread task and own script until the
    mark's frames are drawn, the CPU seconds the browser used until then, and the bytes sent to it."""
    page = context.new_page()
    network.apply(context, page)
    site.take_bytes_sent()
    cpu_before = browser_cpu_ticks()
    page.goto(site.url + visit.path + visit.fragment, wait_until="commit")
    if visit.answers_first:
        answer_the_first_question_once_shown(page)
    page.wait_for_function("(mark) => performance.getEntriesByName(mark).length > 0", arg=visit.mark, timeout=BOOT_TIMEOUT_MS * 3, polling=100)
    figures = {"time": page.evaluate("(mark) => performance.getEntriesByName(mark)[0].startTime", visit.mark)}
    drawn = page.evaluate(AFTER_THE_NEXT_TWO_FRAMES)
    beside = page.evaluate(LONGEST_TASK_BESIDE_THE_THEME_BEFORE, drawn)
    figures["longest task beside the theme"] = beside["duration"] if beside else 0
    if beside and beside["duration"] > MAIN_THREAD_BUDGET_MS and visit.path.startswith("assessment/"):
        scripts = "; ".join(f"{named(script)}, {script['duration']:.0f} ms" for script in beside["scripts"])
        print(f"  {network.name}, {visit.path} {visit.name}: a task of {beside['duration']:.0f} ms beside the theme's scripts,"
              f" {beside['start']:.0f} ms in: {scripts or 'no script of the page'}", flush=True)
    figures["longest theme script"] = page.evaluate(LONGEST_THEME_SCRIPT_BEFORE, drawn)
    longest = page.evaluate(LONGEST_OWN_SCRIPT_BEFORE, drawn)
    figures["longest own script"] = longest["duration"] if longest else 0
    if longest and longest["duration"] > MAIN_THREAD_BUDGET_MS and "/assets/" in longest["source"]:
        # Which of the site's scripts, said at once: the table keeps only the longest figure of all the
        # runs. (A baseline's script is its whole boot, on its main thread: that one is known.)
        print(f"  {network.name}, {visit.path} {visit.name}: the page's own script took {longest['duration']:.0f} ms:"
              f" {named(longest)}", flush=True)
    figures["cpu"] = cpu_seconds_since(cpu_before)
    if visit.answers_first:
        figures["usable"] = page.evaluate("window.__bench.firstChange")
        page.evaluate("(key) => localStorage.removeItem(key)", storage_keys(site.folder)["answers"])
    wait_until_snapshot_kept(page)  # as a reader reading the result would let it be (for the warm visit)
    page.wait_for_timeout(stays_ms)
    page.close()
    return {**figures, "bytes": site.take_bytes_sent()}


def one_profile(browser, site: StaticSite, network: Network, visit: NetworkVisit, samples: dict[str, Samples]) -> None:
    """One cold visit (a new browser profile) and the same visit again, warm, in that profile. The
    profile is kept on disk, as a reader's is: a context without one keeps the Cache API in memory
    and may drop it when the tab that stored it closes. The cold tab stays open a while (see
    COLD_TAB_STAYS_MS)."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = browser.browser_type.launch_persistent_context(profile, **launch_options())
        context.add_init_script(PROBE)
        for mode, stays_ms in (("cold", COLD_TAB_STAYS_MS), ("warm", 0)):
            for name, value in timed_visit(context, site, network, visit, stays_ms=stays_ms).items():
                samples[mode].add(name, value)
        context.close()


def interleaved_samples(browser, site: StaticSite, network: Network, visits: dict[Hashable, NetworkVisit],
                        runs: int) -> dict[Hashable, dict[str, Samples]]:
    """{visit's key: {"cold": samples, "warm": samples}}, measured in rounds: each round makes every
    visit once, in an order turned by one place a round. A burst of other work on this shared
    machine then falls on all of them alike, and the figures of one round can be set side by side
    (see paired_ratio). Measuring one visit's runs after the other's put a burst on one side only."""
    samples = {key: {"cold": Samples(), "warm": Samples()} for key in visits}
    keys = list(visits)
    for round_number in range(runs):
        turn = round_number % len(keys)
        for key in keys[turn:] + keys[:turn]:
            one_profile(browser, site, network, visits[key], samples[key])
    return samples


def paired_ratio(samples: Samples, baseline: Samples, name: str = "time") -> str:
    """The median, over rounds, of each round's figure over the baseline's in that round. From four
    rounds on, the middle half of the rounds' ratios follows it: a few percent either side of 1.00x
    is a gain or a loss only if that range leaves 1.00x out (on this shared machine it seldom does)."""
    pairs = [value / base for value, base in zip(samples.values.get(name, []), baseline.values.get(name, [])) if base]
    if len(pairs) < 4:
        return f"{statistics.median(pairs):.2f}x" if pairs else "-"
    low, middle, high = statistics.quantiles(pairs, n=4, method="inclusive")
    return f"{middle:.2f}x ({low:.2f}-{high:.2f})"


def cpu_seconds(page: Samples, lean: Samples) -> str:
    """The browser's CPU seconds until the mark, medians, the page's / the lean baseline's."""
    medians = page.median("cpu"), lean.median("cpu")
    return "-" if None in medians else f"{medians[0]:.2f} / {medians[1]:.2f} s"


def main_thread(page: Samples, lean: Samples) -> str:
    """The longest task of any round with the theme's scripts taken out, the page's / the lean
    baseline's; the page's rounds over the budget; the longest of the theme's scripts on the page."""
    tasks, lean_tasks = (samples.values.get("longest task beside the theme", []) for samples in (page, lean))
    over = sum(value > MAIN_THREAD_BUDGET_MS for value in tasks)
    theme = max(page.values.get("longest theme script", []), default=0)
    return (f"{max(tasks, default=0):.0f} / {max(lean_tasks, default=0):.0f} ms ({over} of {len(tasks)} over"
            f" {MAIN_THREAD_BUDGET_MS}); theme {theme:.0f} ms")


def bench_networks(browser, site: StaticSite, networks: list[Network], visits, runs: int) -> list[list[str]]:
    rows = []
    for network in networks:
        # A baseline's shared link stands beside the page's shared and team links: measured once a round.
        samples = interleaved_samples(browser, site, network, {visit: visit for trio in visits for visit in trio}, runs)
        for page_visit, lean_visit, naive_visit in visits:
            page, lean, naive = samples[page_visit], samples[lean_visit], samples[naive_visit]
            for mode in ("cold", "warm"):
                time, lean_time, naive_time = (figures[mode].median("time") for figures in (page, lean, naive))
                rows.append([network.name, page_visit.name, mode, seconds(time), seconds(lean_time), seconds(naive_time),
                             paired_ratio(page[mode], lean[mode]), paired_ratio(page[mode], naive[mode]),
                             *(megabytes(figures[mode].median("bytes")) for figures in (page, lean, naive)),
                             *(seconds(figures[mode].median("usable")) for figures in (page, lean)),
                             cpu_seconds(page[mode], lean[mode]),
                             main_thread(page[mode], lean[mode])])
        print(f"  measured: {network.name}", flush=True)
    return rows


def print_network_table(rows: list[list[str]], runs: int) -> None:
    print_table(
        f"Each kind of visit on emulated networks, medians of {runs} round(s): until Python is ready (plain) or the result"
        " is shown (shared and team links), the page beside the lean and the naive main-thread boots (a team link beside"
        " their shared link), measured in the same rounds; ratios are the median of each round's (from four rounds on, the"
        " middle half of them in brackets); bytes sent by the server"
        " (gzip); for a plain visit, when the first question took an answer (clicked in the first frame that showed it); the CPU"
        " seconds the browser used until the mark (all its processes and threads); the main thread until the mark's"
        " result is drawn: the longest task of any round with the theme's scripts in it taken out, the page's / the lean"
        f" page's (how many of the page's rounds went over {MAIN_THREAD_BUDGET_MS} ms), and the longest of the theme's"
        " scripts on the page (its bundle, the same on every page of the site).",
        ["network", "visit", "caches", "page", "lean", "naive", "page/lean", "page/naive", "bytes page", "bytes lean", "bytes naive",
         "usable page", "usable lean", "CPU page / lean", "main thread: longest task page / lean; theme's script"],
        rows,
    )


def chosen_networks(text: str) -> list[Network]:
    if text == "all":
        return list(NETWORKS)
    if text == "none":
        return []
    keys = text.split(",")
    unknown = [key for key in keys if key not in {network.key for network in NETWORKS}]
    if unknown:
        raise SystemExit(f"unknown network(s): {', '.join(unknown)}; choose from {', '.join(network.key for network in NETWORKS)}, all or none")
    return [network for network in NETWORKS if network.key in keys]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.assessment_bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (median)")
    parser.add_argument("--before", metavar="REF", help="also measure the site as built at this git commit")
    parser.add_argument("--networks", default="all", help="emulated networks to measure, comma-separated: "
                        + ", ".join(network.key for network in NETWORKS) + "; or all (default), or none")
    parser.add_argument("--network-runs", type=int, default=1, help="rounds on emulated networks, each measuring every visit once (median; default 1)")
    parser.add_argument("--only-networks", action="store_true", help="skip the loopback detail table")
    arguments = parser.parse_args(argv)
    runs = arguments.runs
    networks = chosen_networks(arguments.networks)
    print(machine_note("Assessment bench"), flush=True)
    bank = load_bank()
    visits = visit_kinds(bank)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site_dir = build_site(Path(folder) / "site")
        lean_path, naive_path = add_lean_page(site_dir), add_naive_page(site_dir)
        before_dir = site_at(arguments.before, Path(folder)) if arguments.before else None
        with StaticSite(site_dir, gzip=True) as site, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            page = baselines = slow = before = None
            if not arguments.only_networks:
                page = bench_page(browser, site, "assessment/", visits, bank.fingerprint, runs, can_submit=True)
                baselines = {kind: bench_page(browser, site, path, visits[:2], bank.fingerprint, runs, can_submit=False)
                             for kind, path in (("lean", lean_path), ("naive", naive_path))}
                slow = slow_cpu_boot(browser, site, "assessment/", visits[0], bank.fingerprint, runs)
                if before_dir is not None:
                    with StaticSite(before_dir, gzip=True) as before_site:
                        before = bench_page(browser, before_site, "assessment/", visits, bank.fingerprint, runs, can_submit=True)
            network_rows = bench_networks(browser, site, networks, network_visits(bank, lean_path, naive_path), arguments.network_runs) if networks else []
            browser.close()
        if page is not None:
            report(page, baselines, slow, runs)
        if before is not None:
            print(f"\nThe same page as built at {arguments.before}, measured in this run (baseline columns repeated):")
            print_columns(before, baselines)
        if network_rows:
            print_network_table(network_rows, arguments.network_runs)
    print(f"\nLoad average at end: {os.getloadavg()[0]:.1f}.")


def site_at(ref: str, folder: Path) -> Path:
    """The site as `make build` made it at a git commit: its files from a temporary worktree, built
    with this checkout's packages (node_modules is linked, not installed again)."""
    with worktree_at(ref, folder / "before-source") as source:
        (source / "node_modules").symlink_to(ROOT / "node_modules")
        return build_site(folder / "before-site", source / "mkdocs.yml")


@contextmanager
def worktree_at(ref: str, path: Path):
    subprocess.run(["git", "worktree", "add", "--detach", str(path), ref], cwd=ROOT, check=True, capture_output=True)
    try:
        yield path
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, check=True, capture_output=True)


if __name__ == "__main__":
    main()
