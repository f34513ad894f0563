"""How the benches print: figures against a baseline measured in the same run, and targets met or not."""

from __future__ import annotations

import os


def machine_note(bench: str) -> str:
    return (f"{bench} on {os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f} at start: the machine "
            "is shared with other work, so figures are noisy; compare the columns of one run.")


def ratio(value: float | None, baseline: float | None) -> str:
    return "-" if not value or not baseline else f"{value / baseline:.2f}x"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    """A plain text table: first column left-aligned, figures right-aligned."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    for row in [header, ["-" * width for width in widths], *rows]:
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
