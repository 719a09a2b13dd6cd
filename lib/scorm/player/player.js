/*
 * Vigie's SCORM 1.2 player: plays one module inside an LMS (or alone) with no server. It reads
 * window.VIGIE_SCO (the module, rendered by lib/courses as in Vigie) and window.VIGIE_MESSAGES
 * (Vigie's French message catalogue), builds the same markup as Vigie's player (same CSS classes),
 * and reports to the LMS's API. Plain ES2017 with no dependency: it runs as is in any browser.
 */
(function () {
  "use strict";

  var sco = window.VIGIE_SCO;
  var messages = window.VIGIE_MESSAGES;
  // SCORM 1.2 caps cmi.suspend_data at 4,096 characters.
  var SUSPEND_LIMIT = 4096;
  // Earlier draws kept to prefer questions not asked yet on a retry (as lib/progress/draw-quiz.ts).
  var KEPT_DRAWS = 6;
  var root = document.getElementById("player");
  var startedAt = Date.now();

  var state = { step: 0, furthest: 0, answered: [], passed: false, draw: null, earlier: [] };
  var lms = connect();
  var finished = false;
  var reviewing = false;
  var firstRender = true;

  /* ---- Messages: the subset of ICU that Vigie's catalogue uses ({name}, plural with #). ---- */

  function t(key, values) {
    var template = key.split(".").reduce(function (node, part) {
      return node ? node[part] : undefined;
    }, messages);
    return format(typeof template === "string" ? template : key, values || {});
  }

  function format(template, values) {
    var out = "";
    for (var i = 0; i < template.length; i++) {
      if (template[i] !== "{") {
        out += template[i];
        continue;
      }
      var end = closing(template, i);
      out += argument(template.slice(i + 1, end), values);
      i = end;
    }
    return out;
  }

  function argument(inner, values) {
    var plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (!plural) return String(values[inner.trim()]);
    var count = Number(values[plural[1]]);
    var forms = {};
    var text = plural[2];
    for (var at = 0; at < text.length;) {
      var open = text.indexOf("{", at);
      if (open < 0) break;
      var close = closing(text, open);
      forms[text.slice(at, open).trim()] = text.slice(open + 1, close);
      at = close + 1;
    }
    var form = forms["=" + count] || forms[new Intl.PluralRules("fr").select(count)] || forms.other || "";
    return format(form.replace(/#/g, String(count)), values);
  }

  function closing(text, open) {
    var depth = 0;
    for (var i = open; i < text.length; i++) {
      if (text[i] === "{") depth++;
      if (text[i] === "}" && --depth === 0) return i;
    }
    return text.length;
  }

  /* ---- The LMS: the standard search for API in parent windows, then the opener's. ---- */

  function findApi(start) {
    var win = start;
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win.API) return win.API;
      } catch {
        // A window of another origin: keep climbing.
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function connect() {
    var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
    if (!api) return null;
    var link = { api: api, failed: false };
    if (!call(link, "LMSInitialize", [""])) return null;
    return link;
  }

  /** Calls the API; a refused call shows LMSGetLastError's code and text, once per page. */
  function call(link, name, args) {
    var result;
    try {
      result = link.api[name].apply(link.api, args);
    } catch {
      result = "false";
    }
    if (name === "LMSGetValue") return result == null ? "" : String(result);
    if (String(result) === "true") return true;
    var code = safe(function () {
      return String(link.api.LMSGetLastError());
    }, "101");
    var text = safe(function () {
      return String(link.api.LMSGetErrorString(code));
    }, "");
    showNotice(t("scormPlayer.lmsError", { code: code, message: text }), "save-status--late");
    return false;
  }

  function safe(read, fallback) {
    try {
      return read();
    } catch {
      return fallback;
    }
  }

  function get(element) {
    return lms ? call(lms, "LMSGetValue", [element]) : "";
  }

  function set(element, value) {
    return lms ? call(lms, "LMSSetValue", [element, String(value)]) : false;
  }

  /** CMITimespan: HHHH:MM:SS.SS. */
  function sessionTime() {
    var seconds = Math.round((Date.now() - startedAt) / 10) / 100;
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = (seconds % 60).toFixed(2);
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + (rest.length < 5 ? "0" + rest : rest);
  }

  function pad(value, width) {
    var text = String(value);
    while (text.length < width) text = "0" + text;
    return text;
  }

  /** Saves where the learner is (step, draw, answers) and commits: at each step, as Vigie records each step. */
  function save(exit) {
    if (!lms || finished || reviewing) return;
    set("cmi.core.lesson_location", sco.steps[state.step].id);
    set("cmi.suspend_data", suspendData());
    set("cmi.core.session_time", sessionTime());
    set("cmi.core.exit", exit);
    if (call(lms, "LMSCommit", [""])) showNotice(t("scormPlayer.saved"), "");
  }

  function suspendData() {
    var data = {
      v: sco.version,
      f: state.furthest,
      a: state.answered,
      p: state.passed ? 1 : 0,
      d: state.draw,
      e: state.earlier,
    };
    var text = JSON.stringify(data);
    // Earlier draws only steer the next one: dropped first if the data grows too long.
    while (text.length > SUSPEND_LIMIT && data.e.length > 0) {
      data.e = data.e.slice(0, -1);
      text = JSON.stringify(data);
    }
    return text;
  }

  function resume() {
    if (!lms) return;
    // An LMS that opens the module for review expects nothing back.
    if (get("cmi.core.lesson_mode") === "review") reviewing = true;
    var status = get("cmi.core.lesson_status");
    if (!reviewing && (status === "" || status === "not attempted")) set("cmi.core.lesson_status", "incomplete");
    var saved = safe(function () {
      return JSON.parse(get("cmi.suspend_data") || "null");
    }, null);
    // A package of another version of the module: its steps and questions may differ, start over.
    if (!saved || saved.v !== sco.version) return;
    state.furthest = saved.f || 0;
    state.answered = saved.a || [];
    state.passed = saved.p === 1;
    state.draw = validDraw(saved.d) ? saved.d : null;
    state.earlier = saved.e || [];
    var location = get("cmi.core.lesson_location");
    var index = sco.steps.findIndex(function (step) {
      return step.id === location;
    });
    if (index > 0) {
      state.step = index;
      showNotice(t("scormPlayer.resumed", { current: index + 1, total: sco.steps.length }), "");
    }
  }

  /* ---- The quiz: Vigie's draw and grading rules, run here since there is no server. ---- */

  var quiz = sco.steps.find(function (step) {
    return step.kind === "quiz";
  });

  function validDraw(draw) {
    return (
      quiz &&
      Array.isArray(draw) &&
      draw.length === quiz.objectives.length &&
      draw.every(function (entry, index) {
        var question = quiz.objectives[index].questions[entry[0]];
        return question && entry[1].length === question.choices.length;
      })
    );
  }

  // The same rules as Vigie's server, from the same file (lib/progress/quiz-rules.js), in lib/courses'
  // shape; the saved draw keeps indices, shorter in cmi.suspend_data.
  var rules = window.VIGIE_QUIZ_RULES;
  var rulesQuiz = quiz && {
    passMark: quiz.passMark,
    objectives: quiz.objectives.map(function (objective) {
      return {
        questionIds: objective.questions.map(function (question) {
          return question.id;
        }),
      };
    }),
    questions: [].concat.apply(
      [],
      quiz.objectives.map(function (objective) {
        return objective.questions;
      }),
    ),
  };

  /** A new draw: [variant, choice order] per objective, from the rule and the kept earlier draws. */
  function drawQuiz() {
    var earlierIds = state.earlier.map(function (draw) {
      return draw
        .map(function (variant, index) {
          var objective = quiz.objectives[index];
          return objective && objective.questions[variant] ? objective.questions[variant].id : null;
        })
        .filter(Boolean);
    });
    return rules.drawQuiz(rulesQuiz, earlierIds, Math.random).map(function (drawn, index) {
      var questions = quiz.objectives[index].questions;
      var variant = questions.findIndex(function (question) {
        return question.id === drawn.questionId;
      });
      var choices = questions[variant].choices;
      return [
        variant,
        drawn.choiceIds.map(function (id) {
          return choices.findIndex(function (choice) {
            return choice.id === id;
          });
        }),
      ];
    });
  }

  function drawnQuestions() {
    return state.draw.map(function (entry, index) {
      var question = quiz.objectives[index].questions[entry[0]];
      return {
        question: question,
        choices: entry[1].map(function (i) {
          return question.choices[i];
        }),
      };
    });
  }

  /** The rule's result, each question's result with the question it is about. */
  function grade(drawn, answers) {
    var ids = drawn.map(function (item) {
      return item.question.id;
    });
    var outcome = rules.gradeQuiz(rulesQuiz, answers, ids);
    return {
      results: outcome.questions.map(function (result, index) {
        return { question: drawn[index].question, correct: result.correct, expected: result.expected };
      }),
      correctCount: outcome.correctCount,
      total: outcome.total,
      score: outcome.score,
      passed: outcome.passed,
    };
  }

  /* ---- Rendering: the markup of Vigie's player (app/(learner)/modules/[moduleId]/_components). ---- */

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === false || value == null) return;
      if (name === "html") node.innerHTML = value;
      else if (name === "text") node.textContent = value;
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function showNotice(text, modifier) {
    var notice = document.getElementById("lms-status");
    notice.className = "save-status " + modifier;
    notice.textContent = text;
  }

  function render() {
    var step = sco.steps[state.step];
    var total = sco.steps.length;
    var isLast = state.step === total - 1;
    var canGoNext =
      (step.kind !== "scenario" || state.answered.indexOf(state.step) >= 0 || state.furthest > state.step) &&
      (step.kind !== "quiz" || state.passed);
    var heading = el("h1", { id: "step-title", tabindex: "-1", text: step.title });
    var article = el("article", { class: "step", "aria-labelledby": "step-title" }, [
      el("p", { class: "step__kind", text: t("player.kinds." + step.kind) }),
      heading,
      step.kind === "lesson" && step.illustration
        ? el("img", { class: "step__illustration", src: step.illustration.file, alt: step.illustration.alt })
        : null,
      step.kind === "lesson" || step.kind === "recap" ? el("div", { class: "prose", html: step.html }) : null,
    ]);
    if (step.kind === "scenario") scenarioView(step, article);
    if (step.kind === "quiz") quizStepView(article);
    var stepText = t("player.stepOf", { current: state.step + 1, total: total });

    root.replaceChildren(
      el("div", { class: "player__header" }, [
        el("p", { class: "player__module-title", text: sco.title }),
        el("div", { class: "player__progress" }, [
          el(
            "div",
            {
              class: "progress-bar",
              role: "progressbar",
              "aria-label": t("player.progressLabel"),
              "aria-valuemin": "1",
              "aria-valuemax": String(total),
              "aria-valuenow": String(state.step + 1),
              "aria-valuetext": stepText,
            },
            [el("div", { class: "progress-bar__fill", style: "width: " + ((state.step + 1) / total) * 100 + "%" })],
          ),
          el("span", { "aria-hidden": "true", text: stepText }),
        ]),
      ]),
      article,
      el("nav", { class: "player__nav", "aria-label": t("player.progressLabel") }, [
        el(
          "button",
          {
            type: "button",
            class: "button button--secondary",
            disabled: state.step === 0,
            onclick: function () {
              goTo(state.step - 1);
            },
          },
          [t("player.previous")],
        ),
        canGoNext
          ? null
          : el("p", {
              class: "player__hint",
              text: step.kind === "quiz" ? t("player.quiz.passToContinue") : t("player.scenario.answerToContinue"),
            }),
        isLast
          ? el(
              "button",
              { type: "button", class: "button", disabled: Boolean(quiz) && !state.passed, onclick: finish },
              [t("player.finish")],
            )
          : el(
              "button",
              {
                type: "button",
                class: "button",
                disabled: !canGoNext,
                onclick: function () {
                  goTo(state.step + 1);
                },
              },
              [t("player.next")],
            ),
      ]),
    );
    if (firstRender) firstRender = false;
    else heading.focus();
  }

  function goTo(index) {
    state.step = index;
    state.furthest = Math.max(state.furthest, index);
    render();
    if (!reviewing) save("suspend");
  }

  /** A situation, a choice, the feedback for it; the learner may try another (scenario-step.tsx). */
  function scenarioView(step, article) {
    var name = "scenario-" + step.id;
    var errorId = step.id + "-error";
    var fieldset = el(
      "fieldset",
      { class: "choices" },
      [el("legend", { text: step.question })].concat(
        step.choices.map(function (choice) {
          return el("label", { class: "choice", "data-choice": choice.id }, [
            el("input", { type: "radio", name: name, value: choice.id }),
            el("span", { text: choice.text }),
          ]);
        }),
      ),
    );
    var error = el("p", {
      id: errorId,
      class: "field-error",
      role: "alert",
      hidden: true,
      text: t("player.scenario.chooseFirst"),
    });
    var validate = el("button", { type: "submit", class: "button", text: t("player.scenario.validate") });
    var feedback = el("div", { tabindex: "-1", role: "status", hidden: true });
    var form = el("form", { novalidate: true, onsubmit: answer }, [fieldset, error, validate]);

    function answer(event) {
      event.preventDefault();
      var checked = form.querySelector("input:checked");
      error.hidden = Boolean(checked);
      if (!checked) return fieldset.setAttribute("aria-describedby", errorId);
      fieldset.removeAttribute("aria-describedby");
      var chosen = step.choices.find(function (choice) {
        return choice.id === checked.value;
      });
      fieldset.disabled = true;
      validate.hidden = true;
      checked.closest(".choice").classList.add(chosen.correct ? "choice--right" : "choice--wrong");
      feedback.className = "feedback " + (chosen.correct ? "feedback--right" : "feedback--wrong");
      feedback.replaceChildren(
        el("p", {
          class: "feedback__verdict",
          text: chosen.correct ? t("player.scenario.right") : t("player.scenario.wrong"),
        }),
        el("div", { class: "prose", html: chosen.feedbackHtml }),
        el("button", {
          type: "button",
          class: "button button--quiet",
          onclick: tryAnother,
          text: t("player.scenario.tryAnother"),
        }),
      );
      feedback.hidden = false;
      feedback.focus();
      if (state.answered.indexOf(state.step) < 0) {
        state.answered.push(state.step);
        var hint = root.querySelector(".player__hint");
        if (hint) hint.remove();
        root.querySelector(".player__nav .button:last-child").disabled = false;
        save("suspend");
      }
    }

    function tryAnother() {
      feedback.hidden = true;
      fieldset.disabled = false;
      validate.hidden = false;
      form.querySelectorAll(".choice").forEach(function (label) {
        label.classList.remove("choice--right", "choice--wrong");
        label.querySelector("input").checked = false;
      });
      form.querySelector("input").focus();
    }

    article.appendChild(el("div", { class: "prose situation", html: step.situationHtml }));
    article.appendChild(form);
    article.appendChild(feedback);
  }

  /** The quiz of the current draw, graded here; a retry draws again (quiz-step.tsx). */
  function quizStepView(article) {
    if (!state.draw) {
      state.draw = drawQuiz();
      if (!reviewing) save("suspend");
    }
    var drawn = drawnQuestions();
    var message = el("div", { role: "alert" });
    var submit = el("button", { type: "submit", class: "button", text: t("player.quiz.submit") });
    var fieldsets = drawn.map(function (item, index) {
      var question = item.question;
      var hintId = question.id + "-hint";
      return el(
        "fieldset",
        { id: "question-" + question.id, class: "question", "aria-describedby": question.multiple ? hintId : null },
        [
          el("legend", {}, [el("span", { class: "question__number", text: index + 1 + "." }), " " + question.prompt]),
          question.multiple ? el("p", { id: hintId, class: "hint", text: t("player.quiz.several") }) : null,
        ].concat(
          item.choices.map(function (choice) {
            return el("label", { class: "choice" }, [
              el("input", {
                type: question.multiple ? "checkbox" : "radio",
                name: "question-" + question.id,
                value: choice.id,
              }),
              el("span", { text: choice.text }),
            ]);
          }),
        ),
      );
    });
    var form = el("form", { class: "quiz", novalidate: true, onsubmit: onSubmit }, fieldsets.concat([message, submit]));

    function onSubmit(event) {
      event.preventDefault();
      var answers = {};
      var missing = [];
      drawn.forEach(function (item, index) {
        var chosen = Array.prototype.map.call(fieldsets[index].querySelectorAll("input:checked"), function (input) {
          return input.value;
        });
        answers[item.question.id] = chosen;
        fieldsets[index].querySelectorAll("input").forEach(function (input) {
          if (chosen.length) input.removeAttribute("aria-invalid");
          else input.setAttribute("aria-invalid", "true");
        });
        if (!chosen.length) missing.push(index);
      });
      message.className = missing.length ? "form-message" : "";
      message.textContent = missing.length ? t("player.quiz.unanswered", { count: missing.length }) : "";
      if (missing.length) return fieldsets[missing[0]].querySelector("input").focus();
      showResult(grade(drawn, answers));
    }

    function showResult(outcome) {
      submit.remove();
      outcome.results.forEach(function (result, index) {
        var question = result.question;
        fieldsets[index].disabled = true;
        var texts = result.expected.map(function (id) {
          return question.choices.find(function (choice) {
            return choice.id === id;
          }).text;
        });
        fieldsets[index].appendChild(
          el("div", { class: "feedback " + (result.correct ? "feedback--right" : "feedback--wrong") }, [
            el("p", {
              class: "feedback__verdict",
              text: result.correct ? t("player.quiz.questionRight") : t("player.quiz.questionWrong"),
            }),
            result.correct
              ? null
              : el("p", { text: t("player.quiz.expected", { count: texts.length, answers: texts.join(" ; ") }) }),
            el("div", { class: "prose", html: question.explanationHtml }),
          ]),
        );
      });
      var title = el("h2", { id: "quiz-result-title", tabindex: "-1", text: t("player.quiz.resultTitle") });
      article.appendChild(
        el(
          "section",
          {
            class: "quiz-result " + (outcome.passed ? "quiz-result--passed" : "quiz-result--failed"),
            "aria-labelledby": "quiz-result-title",
          },
          [
            title,
            el("p", {
              class: "quiz-result__score",
              text: t("player.quiz.score", {
                correct: outcome.correctCount,
                total: outcome.total,
                score: outcome.score,
              }),
            }),
            el("p", {
              text: outcome.passed ? t("player.quiz.passed") : t("player.quiz.failed", { passMark: quiz.passMark }),
            }),
            outcome.passed
              ? null
              : el("button", { type: "button", class: "button", onclick: retry, text: t("player.quiz.retry") }),
          ],
        ),
      );
      title.focus();
      report(outcome);
    }

    article.appendChild(intro());
    article.appendChild(el("p", { text: t("player.quiz.passMark", { passMark: quiz.passMark }) }));
    article.appendChild(form);
    if (state.passed) article.appendChild(el("p", { class: "hint", text: t("player.quiz.alreadyPassed") }));
  }

  function intro() {
    return quiz.introHtml ? el("div", { class: "prose", html: quiz.introHtml }) : document.createTextNode("");
  }

  /** The attempt's result to the LMS: score out of 100, passed or failed; a pass is never taken back. */
  function report(outcome) {
    if (outcome.passed) state.passed = true;
    if (!reviewing && lms) {
      var best = Math.max(outcome.score, Number(get("cmi.core.score.raw")) || 0);
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", state.passed ? best : outcome.score);
      set("cmi.core.lesson_status", state.passed ? "passed" : "failed");
    }
    if (state.passed) {
      var nav = root.querySelector(".player__nav");
      var hint = nav.querySelector(".player__hint");
      if (hint) hint.remove();
      nav.querySelector(".button:last-child").disabled = false;
    }
    if (!reviewing) save("suspend");
  }

  function retry() {
    state.earlier = [
      state.draw.map(function (entry) {
        return entry[0];
      }),
    ]
      .concat(state.earlier)
      .slice(0, KEPT_DRAWS);
    state.draw = null;
    firstRender = false;
    render();
  }

  /** "Terminer le module": the status, a last commit and LMSFinish; a review afterwards is not saved. */
  function finish() {
    if (!reviewing && lms) {
      if (!quiz) set("cmi.core.lesson_status", "completed");
      save("");
      call(lms, "LMSFinish", [""]);
    }
    var saved = Boolean(lms) && !reviewing;
    finished = true;
    var heading = el("h1", {
      id: "completion-title",
      tabindex: "-1",
      text: t("scormPlayer.finishedTitle", { title: sco.title }),
    });
    root.replaceChildren(
      el("section", { class: "completion", "aria-labelledby": "completion-title" }, [
        heading,
        el("p", { text: saved ? t("scormPlayer.finishedSaved") : t("scormPlayer.finishedNotSaved") }),
        el("div", { class: "completion__actions" }, [
          el("button", {
            type: "button",
            class: "button button--quiet",
            onclick: review,
            text: t("player.done.review"),
          }),
        ]),
      ]),
    );
    heading.focus();
  }

  function review() {
    reviewing = true;
    showNotice(t("scormPlayer.reviewNotSaved"), "");
    state.step = 0;
    render();
  }

  // Leaving without "Terminer": keep the place (exit suspend) and close the session.
  window.addEventListener("pagehide", function () {
    if (!lms || finished) return;
    save("suspend");
    finished = true;
    call(lms, "LMSFinish", [""]);
  });

  if (!lms) showNotice(t("scormPlayer.noLms"), "save-status--late");
  resume();
  render();
})();
