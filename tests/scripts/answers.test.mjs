// The form's conditions and the share links, as the page reads them (scripts/page/answers.js),
// without a browser. The contract with the engine's own reader is tests/browser/test_link_contract.py.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  askedAnswers, askedQuestions, looksLikeShareLink, parseShareFragment, sameAnswers, shareFragment, unansweredQuestions,
} from "../../scripts/page/answers.js";
import { bankAsOnThePage, engine } from "./engine_data.mjs";

const { links } = engine;

// A small bank, its conditions unrolled as the engine's QuestionBank.asked_when writes them:
// "sponsor" is asked after "stage" is "transition" or "crisis"; "budget" after "sponsor" is "yes"
// (so only when "sponsor" is asked), or after "stage" is "crisis".
function smallBank(fingerprint = "f00d") {
  return bankAsOnThePage({
    fingerprint,
    questions: [
      { id: "stage", options: ["steady", "transition", "crisis"], askedWhen: [{}] },
      { id: "sponsor", options: ["yes", "no"], askedWhen: [{ stage: ["crisis", "transition"] }] },
      { id: "budget", options: ["some", "none"], askedWhen: [{ stage: ["crisis", "transition"], sponsor: ["yes"] }, { stage: ["crisis"] }] },
    ],
  });
}

describe("the form's conditions", () => {
  const bank = smallBank();

  test("the page asks the questions the engine asks, and keeps the answers it keeps", () => {
    const real = bankAsOnThePage();
    for (const { answers, kept, asked } of engine.samples) {
      assert.deepEqual(askedAnswers(real, answers), kept, JSON.stringify(answers));
      assert.deepEqual(askedQuestions(real, answers).map((question) => question.id), asked, JSON.stringify(answers));
    }
  });

  test("a question is asked when any of its conditions holds", () => {
    const asked = (answers) => askedQuestions(bank, answers).map((question) => question.id);
    assert.deepEqual(asked({}), ["stage"]);
    assert.deepEqual(asked({ stage: "transition" }), ["stage", "sponsor"]);
    assert.deepEqual(asked({ stage: "transition", sponsor: "yes" }), ["stage", "sponsor", "budget"]);
    assert.deepEqual(asked({ stage: "crisis" }), ["stage", "sponsor", "budget"]);
  });

  test("answers to questions no longer asked do not count", () => {
    const given = { stage: "steady", sponsor: "yes", budget: "some" };
    assert.deepEqual(askedAnswers(bank, given), { stage: "steady" });
    assert.deepEqual(unansweredQuestions(bank, given), []);
  });

  test("only asked questions are missing", () => {
    assert.deepEqual(unansweredQuestions(bank, { stage: "transition" }).map((question) => question.id), ["sponsor"]);
  });

  test("the same answers are the same, whatever their order", () => {
    assert.ok(sameAnswers({ stage: "crisis", sponsor: "no" }, { sponsor: "no", stage: "crisis" }));
    assert.ok(!sameAnswers({ stage: "crisis" }, { stage: "crisis", sponsor: "no" }));
    assert.ok(!sameAnswers({ stage: "crisis" }, { stage: "steady" }));
  });
});

describe("share links", () => {
  const bank = smallBank();

  test("the page reads every link of the contract table, and every tampered one, as the engine does", () => {
    const real = bankAsOnThePage();
    assert.ok(engine.readings.length >= 50);
    for (const { fragment, reading } of engine.readings) {
      const read = parseShareFragment(fragment, real);
      const seen = read.ok
        ? { ok: true, answers: read.answers, complete: read.complete, outdated: read.outdated }
        : { ok: false, message: read.message };
      assert.deepEqual(seen, reading, fragment.slice(0, 80));
    }
  });
  const answers = { stage: "transition", sponsor: "yes", budget: "none" };

  test("a link gives back the answers it was made from", () => {
    const fragment = shareFragment(bank, answers);
    assert.deepEqual(parseShareFragment(fragment, bank), { ok: true, answers, complete: true, outdated: false, dropped: [] });
  });

  test("a link leaves out the answers that do not count", () => {
    const fragment = shareFragment(bank, { stage: "steady", sponsor: "yes" });
    assert.deepEqual(parseShareFragment(fragment, bank).answers, { stage: "steady" });
  });

  test("a link with some answers is read, and says it is incomplete", () => {
    const reply = parseShareFragment(shareFragment(bank, { stage: "crisis" }), bank);
    assert.equal(reply.ok, true);
    assert.equal(reply.complete, false);
  });

  test("what mail programs do to a link is undone", () => {
    const fragment = shareFragment(bank, answers);
    for (const changed of [fragment.toUpperCase(), `#${encodeURIComponent(fragment.slice(1))}`, `${fragment}&&`]) {
      assert.deepEqual(parseShareFragment(changed, bank).answers, answers, changed);
    }
  });

  test("a link made for another version of the questions keeps what it can, and says what it dropped", () => {
    const fragment = shareFragment(smallBank("beef"), answers).replace("budget=none", "budget=lots");
    const reply = parseShareFragment(fragment, bank);
    assert.equal(reply.ok, true);
    assert.equal(reply.outdated, true);
    assert.deepEqual(reply.dropped, ["budget=lots"]);
    assert.deepEqual(reply.answers, { stage: "transition", sponsor: "yes" });
  });

  test("a damaged link is refused in the engine's words", () => {
    const fragment = shareFragment(bank, answers);
    const refusal = (text) => {
      const reply = parseShareFragment(text, bank);
      assert.equal(reply.ok, false, text);
      assert.equal(reply.message, links.refusals[reply.reason]);
      return reply.reason;
    };
    assert.equal(refusal(`${fragment}x`.replace("stage=transition", "stage=trans ition")), "unreadable");
    assert.equal(refusal(`${fragment}&stage=crisis`), "unreadable");
    assert.equal(refusal(fragment.replace("&bank=f00d", "")), "unreadable");
    assert.equal(refusal(fragment.replace("budget=none", "budget=lots")), "unknown_answers");
    assert.equal(refusal(`${fragment}&${"x".repeat(links.share.longest)}=1`), "too_long");
    assert.equal(refusal(shareFragment(bank, {})), "no_answers");
    assert.equal(refusal("%E0%A4%A"), "unreadable");
    assert.equal(refusal(null), "unreadable");
  });

  test("only what starts like a share link is taken for one", () => {
    assert.ok(looksLikeShareLink(shareFragment(bank, answers), bank));
    assert.ok(looksLikeShareLink(`#${links.share.prefix.toUpperCase()}2`, bank));
    assert.ok(!looksLikeShareLink("#how-it-works", bank));
    assert.ok(!looksLikeShareLink(undefined, bank));
  });
});
