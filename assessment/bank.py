"""Load the question bank from TOML and check it, so that bad data fails loudly and precisely.

Every problem raises BankError naming the file, the place (approach, question, option, caution
or next step id) and the field. Besides types and required fields, the checks are: duplicate
ids; a question role that is not practice, need or readiness; a practice option without weights,
or a weight for an unknown approach or out of range; a need signal for an unknown approach, of an
unknown kind, or for more than one approach in one option; a practice or need question none of
whose options can move any approach; a readiness question no caution looks at; an `ask_if` that
refers to a later or missing question or option (or, for a need question, to a question that is
not a need question, so that readiness answers can never decide a recommendation); an anchor
that is not one of the article's; a caution or next step referring to a missing question, option
or approach; a caution whose `severity` is not one of the article's forces, or whose `passage`
(the article's words it rests on) lacks the words of that force (`[severities]`), or says the
approach cannot work while the caution is not blocking. That even its most favourable answers
(`most_favourable_answers`) make each approach the recommendation takes judging answers, a later
layer: `assessment.loading.load_bank` checks it, and is what the engine loads the bank with.
That each passage is the article's own words is checked against the article's text by
`check_passages`, which the site build calls (the engine never reads the site's pages).

The file itself: UTF-8 (a byte-order mark is tolerated), valid TOML (errors give line and column).
Ids match ID_PATTERN, so they are safe as they are in share links, URLs and HTML attributes. Texts
use only the placeholders TEXT_PLACEHOLDERS allows them, written plainly (`{name}`): no format spec
or conversion, which could fail or blow up only when a reader gets a result.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any

from .errors import BankError
from .model import ID_PATTERN as ID_SYNTAX
from .model import (
    ARTICLE,
    BLOCKING,
    NEED,
    NEED_SIGNALS,
    NO_APPROACH,
    PRACTICE,
    PRACTICE_DIFFERS,
    QUESTION_ROLES,
    READINESS,
    RESULT_PARTS,
    RISK,
    SEVERITIES,
    SHOWS_SITUATION,
    SOURCES,
    Approach,
    CautionRule,
    NextStep,
    Option,
    Question,
    QuestionBank,
    ResultTexts,
    ScoringSettings,
    Section,
    Term,
    frozen_mapping,
)

PACKAGED_BANK = "bank.toml"
# How errors name the packaged bank: its path from the project root.
PACKAGED_BANK_SOURCE = f"{__package__}/{PACKAGED_BANK}"
# Lower-case words joined by underscores: used verbatim in share links (`#...&question=option`),
# element ids and attributes, so nothing in them may need escaping.
ID_PATTERN = re.compile(ID_SYNTAX)
ID_PATTERN_TEXT = "lower-case letters, digits and '_', starting with a letter"
TEXT_PLACEHOLDERS = {
    "headline_one": {"approach"},
    "headline_several": {"count", "approaches"},
    "headline_blocked": {"approach"},
    "headline_blocked_too": {"approach"},
    "headline_none": set(),
    "headline_not_known": {"name"},
    "approach_with_scope": {"name", "scope"},
    "thin_evidence": {"answer"},
    **{f"verdict_{name}": {"name"} for name in ("ready", "at_risk", "unknown", "blocked", "not_called", "no_conditions")},
    **{f"verdict_label_{name}": set() for name in ("ready", "at_risk", "unknown", "blocked", "not_called", "no_conditions")},
    "change_one": {"change", "outcome"},
    "change_two": {"first_change", "second_change", "outcome"},
    "quoted_answer": {"answer", "question"},
    "outcome_one": {"name"},
    "outcome_several": {"names"},
    "outcome_none": set(),
    "outcome_open": {"names"},
    "outcome_blocked": {"names"},
    "if_not_sure": {"question", "answer", "outcome"},
    **{f"if_not_sure_{name}": {"name"} for name in ("holds", "at_risk", "unknown", "blocked", "no_conditions")},
    "not_sure_moot": {"answer", "question", "names"},
    "practice_unknown": set(),
    "practice_not_offered": set(),
    "practice_matches": {"practice"},
    "practice_differs": {"practice", "called"},
    "practice_none": {"practice"},
    "practice_blocked": {"practice"},
    **{f"heading_{part}": set() for part in RESULT_PARTS},
    "need_present": {"name"},
    "need_absent": {"name"},
    "evidence_situation": {"question", "answer"},
    "evidence_occasional": {"question", "answer"},
    "evidence_leaning": {"question", "answer"},
    "verdict_not_called_leaning": {"name"},
    "verdict_when_it_occurs": {"name"},
    "approach_when_it_occurs": {"name", "scope"},
    "no_change": set(),
    "editors_suggestion": set(),
    "short_several": {"names"},
    "short_blocked": {"names"},
    "short_none": set(),
    "timing_mark": {"moment", "name", "verdict"},
    "timing_plain": {"moment", "name"},
    "team_called": {"approach"},
    "team_blocked": {"approach"},
    "team_disputed": {"approach", "labels"},
    "team_none": set(),
    "team_basis": {"answered", "open"},
    "team_need_everyone": set(),
    "team_need_no_one": set(),
    "team_need_split": {"present", "absent"},
    "team_readiness_everyone": {"status"},
    "team_readiness_split": {"status", "labels"},
    **{f"readiness_label_{name}": set() for name in ("holds", "at_risk", "blocked", "unknown", "no_conditions")},
    "team_division": {"division"},
    "team_tie_same": {"outcome"},
    "team_tie_ways": {"ways"},
    "team_tie_way": {"answer", "outcome"},
    "team_condition_first": {"labels", "questions", "name"},
    "team_raised_by": {"labels"},
    "team_no_agenda": set(),
}
# Help that repeats this many words of an answer in a row hints at that answer.
HINT_RUN = 3


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9°]+", text.lower())


# A situation clause is one condition: the approach's sentence joins its clauses with "or", as its
# rule takes any of them, so a clause that starts by joining ("and ...") would make the sentence
# say what the rule does not.
JOINING_WORDS = ("and ", "or ", "either ", "both ", "but ", "also ")


def read_bank(path: str | PathLike | None = None, *, text: str | None = None, source: str | None = None) -> QuestionBank:
    """The packaged bank by default; or the bank in `path`, or in `text` (named `source` in errors)."""
    if path is None and text is None:
        return packaged_bank()
    source = source or (str(path) if path is not None else "<text>")
    if text is None:
        text = decode_bank(Path(path).read_bytes(), source)
    return parse_bank(text, source)


def packaged_bank() -> QuestionBank:
    # Read once per process by assessment.loading, which keeps it checked.
    data = resources.files(__package__).joinpath(PACKAGED_BANK).read_bytes()
    return parse_bank(decode_bank(data, PACKAGED_BANK_SOURCE), PACKAGED_BANK_SOURCE)


def decode_bank(data: bytes, source: str) -> str:
    """UTF-8 text; a byte-order mark (some editors add one) is dropped, any other byte is named."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise BankError(source, f"line {line}, column {column}", "",
                        f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8") from None


TOML_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)$")


def parse_bank(text: str, source: str) -> QuestionBank:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise toml_error(source, str(error)) from None
    return bank_from_data(data, source)


def toml_error(source: str, message: str) -> BankError:
    """tomllib puts the position at the end of its message; the line names it first, like every bank error."""
    position = TOML_POSITION.search(message)
    if position is None:
        return BankError(source, "file", "", f"not valid TOML ({message})")
    place = f"line {position[1]}, column {position[2]}" if position[1] else "end of file"
    return BankError(source, place, "", f"not valid TOML ({message[:position.start()]})")


def placeholder_problem(template: str, allowed: set[str]) -> str | None:
    """What is wrong with the `{name}` placeholders of a text, or None: only allowed names, written plainly."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        return f"broken placeholder ({error}); write {{name}}, or {{{{ and }}}} for a literal brace"
    allowed_text = ", ".join(sorted(allowed)) or "none"
    for name, spec, conversion in fields:
        if name not in allowed:
            return f"unknown placeholder {name or '{}'}; allowed: {allowed_text}"
        if spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return f"placeholder {written} has a format; write just {{{name}}}"
    return None


def bank_from_data(data: Mapping[str, Any], source: str) -> QuestionBank:
    """Build and check a bank from already-parsed TOML data."""
    reader = BankReader(source)
    article_path, anchors = reader.article(data)
    scoring = reader.scoring(data)
    sections = reader.sections(data)
    approaches = reader.approaches(data, anchors)
    approach_ids = tuple(approach.id for approach in approaches)
    questions = reader.questions(data, approach_ids, scoring, anchors, sections)
    severity_words = reader.severity_words(data)
    cautions = reader.cautions(data, questions, approach_ids, anchors, severity_words)
    bank = QuestionBank(
        source=source,
        article_path=article_path,
        anchors=anchors,
        scoring=scoring,
        texts=reader.texts(data),
        sections=sections,
        approaches=tuple(dataclasses.replace(approach, situation=reader.situation_sentence(approach.id, questions)) for approach in approaches),
        questions=questions,
        cautions=cautions,
        next_steps=reader.next_steps(data, approach_ids, anchors, questions, cautions),
        terms=reader.terms(data),
        fingerprint="",
    )
    bank = dataclasses.replace(bank, fingerprint=decisive_fingerprint(bank))
    reader.check_readiness_questions_feed_cautions(bank)
    reader.check_sections_in_order(bank)
    reader.check_no_practice_asked_after_no_coaching(bank)
    return bank


def check_passages(bank: QuestionBank, article_text: str) -> None:
    """Each caution's and article step's passage must be the article's own words (whitespace aside),
    so that what the result quotes as the article is the article; and a text with no anchor (the
    [texts] that frame a result) must not quote the article, since nothing would say where from.
    The site build calls this with the article's text."""
    article = collapsed_whitespace(article_text)
    quoted = [(f"caution '{rule.id}'", rule.passage) for rule in bank.cautions]
    quoted += [(f"next step #{index}", step.passage) for index, step in enumerate(bank.next_steps, start=1) if step.passage]
    for location, passage in quoted:
        if collapsed_whitespace(passage) not in article:
            raise BankError(bank.source, location, "passage", f"not found in the article ({bank.article_path}); quote its words exactly")
    runs = word_runs(article_text)
    for key, template in vars(bank.texts).items():
        if word_runs(template) & runs:
            raise BankError(bank.source, "[texts]", key, f"quotes the article ({QUOTE_RUN} or more of its words in a row) without an anchor: "
                                                         "put the words in a caution or next step that cites them")


# This many of the article's words in a row make a text a quotation of it.
QUOTE_RUN = 6


def word_runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    return {tuple(words[start:start + QUOTE_RUN]) for start in range(len(words) - QUOTE_RUN + 1)}


def collapsed_whitespace(text: str) -> str:
    return " ".join(text.split())


def decisive_fingerprint(bank: QuestionBank) -> str:
    """Short hash of everything that decides a result: ids and their order, roles, `ask_if`, need
    signals, practice weights, scoring settings, cautions' severities and conditions, next steps'
    conditions. Wording and
    anchors may change and it stays, so share links survive an edit of the texts."""
    structure = {
        "scoring": bank.scoring.to_dict(),
        "approaches": bank.approach_ids,
        "questions": [
            {
                "id": question.id,
                "role": question.role,
                "ask_if": {key: sorted(values) for key, values in question.ask_if.items()},
                "options": [{"id": option.id, "need": dict(option.need), "weights": dict(option.weights)} for option in question.options],
            }
            for question in bank.questions
        ],
        "cautions": [{"id": rule.id, "approach": rule.approach, "severity": rule.severity, "inherent": rule.inherent, "when": {key: sorted(values) for key, values in rule.when.items()}} for rule in bank.cautions],
        "next_steps": [{"applies_to": step.applies_to, "when": {key: sorted(values) for key, values in step.when.items()}} for step in bank.next_steps],
    }
    canonical = json.dumps(structure, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def most_favourable_answers(bank: QuestionBank, approach_id: str) -> dict[str, str]:
    """Per need question, the option signalling this approach most strongly and, among those, the
    one signalling the others least; every other question takes its first option."""
    points_for = bank.scoring.points_for

    def advantage(option: Option) -> tuple:
        others = sum(points_for(option.signal_for(other)) for other in bank.approach_ids if other != approach_id)
        return (points_for(option.signal_for(approach_id)), -others)

    answers = {}
    for question in bank.questions:
        answers[question.id] = max(question.options, key=advantage).id if question.role == NEED else question.options[0].id
    return bank.answers_to_asked(answers)


@dataclass(frozen=True)
class OptionContext:
    question_anchor: str
    anchors: tuple[str, ...]
    situation: str  # the question's situation clause, for its situation answers without their own


class BankReader:
    """Reads each part of the TOML data, raising BankError that names this file."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, location: str, field: str, message: str) -> BankError:
        return BankError(self.source, location, field, message)

    # ------------------------------------------------------------ field helpers

    def table(self, data: Mapping, key: str, location: str) -> Mapping:
        value = data.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(location, key, "missing or not a table")
        return value

    def table_list(self, data: Mapping, key: str, location: str, *, allow_empty: bool = False) -> list:
        value = data.get(key, [] if allow_empty else None)
        if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
            raise self.fail(location, key, "missing or not a list of tables")
        if not value and not allow_empty:
            raise self.fail(location, key, "must not be empty")
        return value

    def text(self, data: Mapping, key: str, location: str, *, required: bool = True) -> str:
        value = data.get(key, None if required else "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(location, key, "missing or not a non-empty text" if required else "not a text")
        return value

    def integer(self, data: Mapping, key: str, location: str, *, minimum: int | None = None) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(location, key, "missing or not a whole number")
        if minimum is not None and value < minimum:
            raise self.fail(location, key, f"must be at least {minimum}, got {value}")
        return value

    def identifier(self, data: Mapping, location: str, seen: set) -> str:
        value = self.text(data, "id", location)
        if not ID_PATTERN.fullmatch(value):
            raise self.fail(location, "id", f"{value!r} is not a valid id; expected {ID_PATTERN_TEXT}")
        if value in seen:
            raise self.fail(location, "id", f"duplicate id '{value}'")
        seen.add(value)
        return value

    def anchor(self, data: Mapping, location: str, anchors: tuple[str, ...]) -> str:
        value = self.text(data, "anchor", location)
        if value not in anchors:
            raise self.fail(location, "anchor", f"'{value}' is not one of the article anchors listed in [article] anchors")
        return value

    # ------------------------------------------------------------ parts of the bank

    def article(self, data: Mapping) -> tuple[str, tuple[str, ...]]:
        article = self.table(data, "article", "[article]")
        anchors = article.get("anchors")
        if not isinstance(anchors, list) or not anchors or not all(isinstance(anchor, str) for anchor in anchors):
            raise self.fail("[article]", "anchors", "missing or not a non-empty list of texts")
        return self.text(article, "path", "[article]"), tuple(anchors)

    def scoring(self, data: Mapping) -> ScoringSettings:
        scoring = self.table(data, "scoring", "[scoring]")
        leaning_points = self.integer(scoring, "leaning_points", "[scoring]", minimum=1)
        occasional_points = self.integer(scoring, "occasional_points", "[scoring]", minimum=leaning_points + 1)
        return ScoringSettings(
            situation_points=self.integer(scoring, "situation_points", "[scoring]", minimum=occasional_points + 1),
            occasional_points=occasional_points,
            leaning_points=leaning_points,
            practice_weight_max=self.integer(scoring, "practice_weight_max", "[scoring]", minimum=1),
        )

    def texts(self, data: Mapping) -> ResultTexts:
        texts = self.table(data, "texts", "[texts]")
        values = {}
        for key, allowed in TEXT_PLACEHOLDERS.items():
            template = self.text(texts, key, "[texts]")
            problem = placeholder_problem(template, allowed)
            if problem:
                raise self.fail("[texts]", key, problem)
            values[key] = template
        return ResultTexts(**values)

    def approaches(self, data: Mapping, anchors: tuple[str, ...]) -> tuple[Approach, ...]:
        seen: set = set()
        approaches = []
        for index, entry in enumerate(self.table_list(data, "approaches", "file"), start=1):
            location = f"approach '{entry.get('id', f'#{index}')}'"
            approaches.append(
                Approach(
                    id=self.identifier(entry, location, seen),
                    name=self.text(entry, "name", location),
                    scope=self.text(entry, "scope", location),
                    moment=self.text(entry, "moment", location),
                    summary=self.text(entry, "summary", location),
                    situation="",  # made from the questions (situation_sentence)
                    anchor=self.anchor(entry, location, anchors),
                )
            )
        if len(approaches) < 2:
            raise self.fail("file", "approaches", "at least two approaches are needed to compare")
        return tuple(approaches)

    def terms(self, data: Mapping) -> tuple[Term, ...]:
        seen: set = set()
        terms = []
        for index, entry in enumerate(self.table_list(data, "terms", "file", allow_empty=True), start=1):
            location = f"term '{entry.get('term', f'#{index}')}'"
            term = self.text(entry, "term", location)
            if term in seen:
                raise self.fail(location, "term", "defined twice")
            seen.add(term)
            definition = self.text(entry, "definition", location)
            # A result explains every term it uses: the same definition twice would say it twice.
            same = next((other.term for other in terms if other.definition == definition), None)
            if same is not None:
                raise self.fail(location, "definition", f"the same as term '{same}''s: give each term its own")
            terms.append(Term(term, definition))
        return tuple(terms)

    def sections(self, data: Mapping) -> tuple[Section, ...]:
        seen: set = set()
        sections = []
        for index, entry in enumerate(self.table_list(data, "sections", "file"), start=1):
            location = f"section '{entry.get('id', f'#{index}')}'"
            sections.append(Section(self.identifier(entry, location, seen), self.text(entry, "title", location)))
        return tuple(sections)

    def section(self, entry: Mapping, location: str, sections: tuple[Section, ...]) -> str:
        section = self.text(entry, "section", location)
        known = [known.id for known in sections]
        if section not in known:
            raise self.fail(location, "section", f"unknown section '{section}' (expected one of: {', '.join(known)})")
        return section

    def questions(self, data: Mapping, approach_ids: tuple[str, ...], scoring: ScoringSettings, anchors: tuple[str, ...], sections: tuple[Section, ...]) -> tuple[Question, ...]:
        seen: set = set()
        questions: list[Question] = []
        for index, entry in enumerate(self.table_list(data, "questions", "file"), start=1):
            location = f"question '{entry.get('id', f'#{index}')}'"
            question_id = self.identifier(entry, location, seen)
            role = self.text(entry, "role", location)
            if role not in QUESTION_ROLES:
                raise self.fail(location, "role", f"'{role}' is not one of: {', '.join(QUESTION_ROLES)}")
            anchor = self.anchor(entry, location, anchors)
            question = Question(
                id=question_id,
                section=self.section(entry, location, sections),
                role=role,
                text=self.text(entry, "text", location),
                help=self.text(entry, "help", location, required=False),
                anchor=anchor,
                options=self.options(entry, question_id, role, approach_ids, scoring, OptionContext(anchor, anchors, self.question_situation(entry, location, role))),
                ask_if=self.ask_if(entry, location, role, questions),
            )
            self.check_question_moves_an_approach(question, location, approach_ids)
            self.check_help_gives_no_answer_away(question, location)
            questions.append(question)
        return tuple(questions)

    def ask_if(self, entry: Mapping, location: str, role: str, earlier: list[Question]) -> Mapping[str, frozenset[str]]:
        if "ask_if" not in entry:
            return frozen_mapping({})
        by_id = {question.id: question for question in earlier}
        conditions = self.conditions(entry, "ask_if", location, by_id, missing_hint="an earlier question")
        if role == NEED:
            for question_id in conditions:
                if by_id[question_id].role != NEED:
                    raise self.fail(location, f"ask_if.{question_id}", f"a need question may depend only on need questions, and '{question_id}' is a {by_id[question_id].role} question")
        return conditions

    def options(self, question: Mapping, question_id: str, role: str, approach_ids: tuple[str, ...], scoring: ScoringSettings, context: OptionContext) -> tuple[Option, ...]:
        seen: set = set()
        options = []
        entries = self.table_list(question, "options", f"question '{question_id}'")
        for index, entry in enumerate(entries, start=1):
            location = f"question '{question_id}', option '{entry.get('id', f'#{index}')}'"
            option_id = self.identifier(entry, location, seen)
            self.only_fields_for_role(entry, location, role)
            options.append(
                Option(
                    id=option_id,
                    text=self.text(entry, "text", location),
                    anchor=self.anchor(entry, location, context.anchors) if "anchor" in entry else context.question_anchor,
                    need=self.need_signals(entry, location, approach_ids) if role == NEED else frozen_mapping({}),
                    weights=self.weights(entry, location, approach_ids, scoring) if role == PRACTICE else frozen_mapping({}),
                    as_condition=self.text(entry, "as_condition", location, required=False),
                    situation=self.situation_clause(entry, location, context.situation),
                    no_coaching_today=self.flag(entry, "no_coaching_today", location, role, PRACTICE),
                    not_sure=self.flag(entry, "not_sure", location, role, READINESS),
                )
            )
        if len(options) < 2:
            raise self.fail(f"question '{question_id}'", "options", "a question needs at least two options")
        return tuple(options)

    def question_situation(self, question: Mapping, location: str, role: str) -> str:
        """A need question's `situation`: what its situation answers show (they may say it themselves)."""
        clause = self.text(question, "situation", location, required=False).strip()
        if clause and role != NEED:
            raise self.fail(location, "situation", f"only need questions show a situation; this is a {role} question")
        if clause:
            self.check_clause(clause, location)
        return clause

    def situation_clause(self, option: Mapping, location: str, question_clause: str) -> str:
        """A situation answer says what the situation is, as one condition (its own, or its question's)."""
        signals = option.get("need") if isinstance(option.get("need"), Mapping) else {}
        is_situation = bool(SHOWS_SITUATION & set(signals.values()))
        own = self.text(option, "situation", location, required=False).strip()
        if own and not is_situation:
            raise self.fail(location, "situation", "only a \"situation\" answer shows a situation")
        if not is_situation:
            return ""
        if not (own or question_clause):
            raise self.fail(location, "situation", "missing: say what the situation is, as a clause that follows \"It applies when\" (here or on its question)")
        if own:
            self.check_clause(own, location)
        return own or question_clause

    def check_clause(self, clause: str, location: str) -> None:
        if clause.lower().startswith(JOINING_WORDS) or clause.endswith("."):
            raise self.fail(location, "situation", "write one condition, without a joining word in front or a full stop: "
                                                   "the approach's sentence joins its clauses with \"or\", as its rule takes any of them")

    def situation_sentence(self, approach_id: str, questions: tuple[Question, ...]) -> str:
        """"It applies when A, when B, or when C.": any one of them calls for the approach, as its rule says."""
        clauses = list(dict.fromkeys(option.situation for question in questions for option in question.options if option.signal_for(approach_id) in SHOWS_SITUATION))
        if not clauses:
            raise self.fail(f"approach '{approach_id}'", "need", "no answer calls for it; give it a \"situation\" signal on some option of a need question")
        whens = [f"when {clause}" for clause in clauses]
        return "It applies " + (whens[0] if len(whens) == 1 else ", ".join(whens[:-1]) + ", or " + whens[-1]) + "."

    def flag(self, option: Mapping, key: str, location: str, role: str, allowed_role: str) -> bool:
        value = option.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(location, key, f"must be true or false, got {value!r}")
        if value and role != allowed_role:
            raise self.fail(location, key, f"only {allowed_role} questions have this; this is a {role} question")
        return value

    def check_no_practice_asked_after_no_coaching(self, bank: QuestionBank) -> None:
        """After "we offer no coaching today", asking how that coaching is decided would make no sense.
        A later practice question must be asked only after other answers, directly or through the
        question it is asked after (each of its conditions in `asked_when` excludes them)."""
        for index, question in enumerate(bank.practice_questions):
            none_today = {option.id for option in question.options if option.no_coaching_today}
            if not none_today:
                continue
            for later in bank.practice_questions[index + 1:]:
                conditions = bank.asked_when[later.id]
                if any(question.id not in condition or set(condition[question.id]) & none_today for condition in conditions):
                    raise self.fail(f"question '{later.id}'", "ask_if", f"still asked after '{question.id}' is answered {', '.join(sorted(none_today))}; "
                                                                        f"ask it only after the other answers to '{question.id}'")

    def check_sections_in_order(self, bank: QuestionBank) -> None:
        """Questions are grouped by section, in the order the sections are listed."""
        order = [section.id for section in bank.sections]
        for earlier, later in zip(bank.questions, bank.questions[1:]):
            if order.index(later.section) < order.index(earlier.section):
                raise self.fail(f"question '{later.id}'", "section", f"'{later.section}' is listed before '{earlier.section}' in [[sections]]: keep each section's questions together, in that order")

    def only_fields_for_role(self, option: Mapping, location: str, role: str) -> None:
        """Weights belong to practice questions, need signals to need questions: never mixed up."""
        if "weights" in option and role != PRACTICE:
            raise self.fail(location, "weights", f"only practice questions have weights; this is a {role} question")
        if "need" in option and role != NEED:
            raise self.fail(location, "need", f"only need questions signal a need; this is a {role} question")

    def need_signals(self, option: Mapping, location: str, approach_ids: tuple[str, ...]) -> Mapping[str, str]:
        signals = option.get("need", {})
        if not isinstance(signals, Mapping):
            raise self.fail(location, "need", 'must be a table such as { proactive = "situation" }')
        for approach_id, signal in signals.items():
            field = f"need.{approach_id}"
            if approach_id not in approach_ids:
                raise self.fail(location, field, f"unknown approach '{approach_id}' (expected one of: {', '.join(approach_ids)})")
            if signal not in NEED_SIGNALS:
                raise self.fail(location, field, f"must be one of: {', '.join(NEED_SIGNALS)}; got {signal!r}")
        if len(signals) > 1:
            raise self.fail(location, "need", "an answer describes one situation: signal at most one approach")
        return frozen_mapping(signals)

    def weights(self, option: Mapping, location: str, approach_ids: tuple[str, ...], scoring: ScoringSettings) -> Mapping[str, int]:
        weights = option.get("weights")
        if not isinstance(weights, Mapping) or not weights:
            raise self.fail(location, "weights", f"missing: give a weight for each approach ({', '.join(approach_ids)})")
        for approach_id, weight in weights.items():
            field = f"weights.{approach_id}"
            if approach_id not in approach_ids:
                raise self.fail(location, field, f"unknown approach '{approach_id}' (expected one of: {', '.join(approach_ids)})")
            if isinstance(weight, bool) or not isinstance(weight, int):
                raise self.fail(location, field, f"must be a whole number, got {weight!r}")
            if not 0 <= weight <= scoring.practice_weight_max:
                raise self.fail(location, field, f"weight {weight} is outside 0..{scoring.practice_weight_max}")
        missing = [approach_id for approach_id in approach_ids if approach_id not in weights]
        if missing:
            raise self.fail(location, f"weights.{missing[0]}", f"missing weight for approach '{missing[0]}'")
        return frozen_mapping({approach_id: weights[approach_id] for approach_id in approach_ids})

    def check_help_gives_no_answer_away(self, question: Question, location: str) -> None:
        """Help explains the question; repeating an answer's words (three in a row) would hint at it."""
        help_words = words_of(question.help)
        help_runs = {tuple(help_words[index:index + HINT_RUN]) for index in range(len(help_words) - HINT_RUN + 1)}
        for option in question.options:
            option_words = words_of(option.text)
            for index in range(len(option_words) - HINT_RUN + 1):
                if tuple(option_words[index:index + HINT_RUN]) in help_runs:
                    raise self.fail(location, "help", f"repeats the words of answer '{option.id}' (\"{' '.join(option_words[index:index + HINT_RUN])}\"): explain the question without hinting at an answer")

    def check_question_moves_an_approach(self, question: Question, location: str, approach_ids: tuple[str, ...]) -> None:
        if question.role == PRACTICE:
            rows = {tuple(option.weight_for(approach_id) for approach_id in approach_ids) for option in question.options}
            if len(rows) < 2:
                raise self.fail(location, "options.weights", "every option gives the same weights, so no answer can move any approach")
        elif question.role == NEED and not any(option.need for option in question.options):
            raise self.fail(location, "options.need", "no option signals any approach's need, so no answer can move the result")

    def check_readiness_questions_feed_cautions(self, bank: QuestionBank) -> None:
        looked_at = {question_id for rule in bank.cautions for question_id in rule.when}
        for question in bank.questions_with_role(READINESS):
            if question.id not in looked_at:
                raise self.fail(f"question '{question.id}'", "role", "a readiness question must be looked at by at least one caution's `when`")

    def severity_words(self, data: Mapping) -> Mapping[str, tuple[str, ...]]:
        """The article's words for each force, which a caution's passage must contain."""
        table = self.table(data, "severities", "[severities]")
        unknown = sorted(set(table) - set(SEVERITIES))
        if unknown:
            raise self.fail("[severities]", unknown[0], f"unknown severity (expected one of: {', '.join(SEVERITIES)})")
        words = {}
        for severity in SEVERITIES:
            value = table.get(severity)
            if not isinstance(value, list) or not value or not all(isinstance(word, str) and word.strip() for word in value):
                raise self.fail("[severities]", severity, "missing or not a non-empty list of the article's words")
            words[severity] = tuple(collapsed_whitespace(word).lower() for word in value)
        return frozen_mapping(words)

    def severity(self, entry: Mapping, location: str, severity_words: Mapping[str, tuple[str, ...]]) -> str:
        """The article's force, checked against the article's words the caution rests on."""
        severity = self.text(entry, "severity", location)
        if severity not in SEVERITIES:
            raise self.fail(location, "severity", f"'{severity}' is not one of: {', '.join(SEVERITIES)}")
        passage = collapsed_whitespace(self.text(entry, "passage", location)).lower()
        if not any(word in passage for word in severity_words[severity]):
            raise self.fail(location, "passage", f"a {severity} caution rests on the article's words for it ({'; '.join(severity_words[severity])}); this passage has none")
        if severity != BLOCKING and any(word in passage for word in severity_words[BLOCKING]):
            raise self.fail(location, "severity", f"the passage says the approach cannot work ({'; '.join(severity_words[BLOCKING])}): the severity must be {BLOCKING}")
        return severity

    def cautions(self, data: Mapping, questions: tuple[Question, ...], approach_ids: tuple[str, ...], anchors: tuple[str, ...], severity_words: Mapping[str, tuple[str, ...]]) -> tuple[CautionRule, ...]:
        by_id = {question.id: question for question in questions}
        seen: set = set()
        cautions = []
        for index, entry in enumerate(self.table_list(data, "cautions", "file", allow_empty=True), start=1):
            location = f"caution '{entry.get('id', f'#{index}')}'"
            caution_id = self.identifier(entry, location, seen)
            approach = entry.get("approach")
            if approach is not None and approach not in approach_ids:
                raise self.fail(location, "approach", f"unknown approach '{approach}' (expected one of: {', '.join(approach_ids)})")
            severity = self.severity(entry, location, severity_words)
            when = self.conditions(entry, "when", location, by_id)
            for question_id, option_ids in when.items():
                not_sure = sorted(option.id for option in by_id[question_id].options if option.not_sure and option.id in option_ids)
                if not_sure:
                    raise self.fail(location, f"when.{question_id}", f"'{not_sure[0]}' is a \"not sure\" answer: it is counted as not known, never as a condition met")
            asks_not_sure = any(option.not_sure for question_id in when for option in by_id[question_id].options)
            if severity == BLOCKING and approach is None:
                raise self.fail(location, "approach", "a blocking caution says which approach cannot work: name it")
            inherent = entry.get("inherent", False)
            if not isinstance(inherent, bool):
                raise self.fail(location, "inherent", "must be true or false")
            if inherent and (severity != RISK or approach is None):
                raise self.fail(location, "inherent", f"only a {RISK} of a named approach can be inherent to it")
            cautions.append(
                CautionRule(
                    id=caution_id,
                    text=self.text(entry, "text", location),
                    anchor=self.anchor(entry, location, anchors),
                    approach=approach,
                    when=when,
                    severity=severity,
                    passage=self.text(entry, "passage", location),
                    first_step=self.text(entry, "first_step", location, required=severity == BLOCKING),
                    find_out=self.text(entry, "find_out", location, required=asks_not_sure and not inherent),
                    inherent=inherent,
                )
            )
        return tuple(cautions)

    def conditions(self, entry: Mapping, key: str, location: str, questions: Mapping[str, Question], *, missing_hint: str = "") -> Mapping[str, frozenset[str]]:
        """A `{question = [options]}` table (a caution's or step's `when`, a question's `ask_if`)."""
        table = entry.get(key)
        if not isinstance(table, Mapping) or not table:
            raise self.fail(location, key, "missing or empty: name at least one question and its options")
        conditions = {}
        for question_id, option_ids in table.items():
            field = f"{key}.{question_id}"
            question = questions.get(question_id)
            if question is None:
                raise self.fail(location, field, f"refers to missing question '{question_id}'" + (f" (expected {missing_hint})" if missing_hint else ""))
            if not isinstance(option_ids, list) or not option_ids or not all(isinstance(option_id, str) for option_id in option_ids):
                raise self.fail(location, field, "must be a non-empty list of option ids")
            unknown = [option_id for option_id in option_ids if question.option(option_id) is None]
            if unknown:
                raise self.fail(location, field, f"refers to missing option '{unknown[0]}' of question '{question_id}'")
            conditions[question_id] = frozenset(option_ids)
        return frozen_mapping(conditions)

    def next_steps(self, data: Mapping, approach_ids: tuple[str, ...], anchors: tuple[str, ...], questions: tuple[Question, ...],
                   cautions: tuple[CautionRule, ...]) -> tuple[NextStep, ...]:
        by_id = {question.id: question for question in questions}
        steps = []
        allowed = (*approach_ids, NO_APPROACH, PRACTICE_DIFFERS)
        for index, entry in enumerate(self.table_list(data, "next_steps", "file", allow_empty=True), start=1):
            location = f"next step #{index}"
            applies_to = self.text(entry, "applies_to", location)
            if applies_to not in allowed:
                raise self.fail(location, "applies_to", f"unknown '{applies_to}' (expected one of: {', '.join(allowed)})")
            when = self.conditions(entry, "when", location, by_id) if "when" in entry else frozen_mapping({})
            source = self.text(entry, "source", location)
            if source not in SOURCES:
                raise self.fail(location, "source", f"'{source}' is not one of: {', '.join(SOURCES)}")
            passage = self.text(entry, "passage", location, required=source == ARTICLE)
            if passage and source != ARTICLE:
                raise self.fail(location, "passage", f"only a step that is the article's own reading (source = \"{ARTICLE}\") quotes it")
            caution = self.text(entry, "caution", location, required=False) or None
            if caution is not None and caution not in {rule.id for rule in cautions if rule.approach == applies_to}:
                raise self.fail(location, "caution", f"'{caution}' is not a caution of '{applies_to}'")
            steps.append(NextStep(applies_to, self.text(entry, "text", location), self.anchor(entry, location, anchors), when, source, passage, caution))
        return tuple(steps)
