"""The bank as the engine uses it: read and checked by `bank`, then checked for what only judging
answers can tell (`scoring`): that each approach is the recommendation for the answers most
favourable to it, or the bank has an approach no reader would ever be told fits.

The layers run one way (model -> bank -> scoring -> loading): reading the bank needs no scoring.
"""

from __future__ import annotations

from os import PathLike

from .bank import most_favourable_answers, read_bank
from .errors import BankError
from .model import QuestionBank
from .scoring import judge

# The packaged bank, read and checked once per process: the browser scores many answer sets against it.
_checked_packaged_bank: list[QuestionBank] = []


def load_bank(path: str | PathLike | None = None, *, text: str | None = None, source: str | None = None) -> QuestionBank:
    """The packaged bank by default; or the bank in `path`, or in `text` (named `source` in errors)."""
    if path is None and text is None and _checked_packaged_bank:
        return _checked_packaged_bank[0]
    bank = read_bank(path, text=text, source=source)
    check_every_approach_reachable(bank)
    if path is None and text is None:
        _checked_packaged_bank.append(bank)
    return bank


def check_every_approach_reachable(bank: QuestionBank) -> None:
    """Each approach must be the sole recommendation for its most favourable answer set, or the
    bank has an approach no reader would ever be told fits (a signalling mistake)."""
    for approach in bank.approaches:
        judgement = judge(bank, most_favourable_answers(bank, approach.id))
        if judgement.recommended_ids != (approach.id,):
            raise BankError(
                bank.source,
                f"approach '{approach.id}'",
                "need",
                "not recommended even by the answers most favourable to it; give it a \"situation\" signal on some option of a need question",
            )
