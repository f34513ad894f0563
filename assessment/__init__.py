"""Which timing of executive coaching fits an organization: proactive, just-in-time or after-the-fact.

Pure Python, standard library only, so it runs unchanged on CPython and in Pyodide. The question
bank is data (`bank.toml`); this package reads and checks it, and scores answers against it.

    bank = load_bank()
    result = score_answers(bank, {"succession_focus": "central", ...})
    result.to_dict()   # stable JSON-ready shape, documented in assessment.result
"""

from .loading import load_bank
from .errors import AnswersError, BankError
from .model import Approach, Option, Question, QuestionBank
from .result import AssessmentResult
from .scoring import score_answers

__all__ = [
    "AnswersError",
    "Approach",
    "AssessmentResult",
    "BankError",
    "Option",
    "Question",
    "QuestionBank",
    "load_bank",
    "score_answers",
]
