"use client";

import { useLightTranslations } from "@/app/_components/light-messages";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { type PublicModule, withQuizDraw } from "@/lib/courses/public-module";
import type { LearnerModuleState } from "@/lib/progress/get-learner-module-state";
import { Completion, type CompletionProps } from "./completion";
import { EventQueue, type PendingEvent, type SaveState } from "./event-queue";
import { furthestPendingStep, resumeMarkScript } from "./pending-resume";
import { QuizStepView } from "./quiz-step";
import { SaveStatus } from "./save-status";
import { ScenarioStepView } from "./scenario-step";
import { useActiveTime } from "./use-active-time";

export type LearnerPlayerProps = {
  /** The module's content, the same for every learner (its quiz without questions). */
  content: PublicModule;
  state: LearnerModuleState;
  place: CompletionProps["place"];
  /**
   * This response's script nonce (Content-Security-Policy), when the server rendered the player:
   * only then is there an inline resume check to run before hydration.
   */
  nonce?: string;
  serverRendered: boolean;
};

type NewEvent = { kind: string; stepId: string } & Record<string, unknown>;

/** The player, once the learner's state is known. */
export function LearnerPlayer({ content, state, place, nonce, serverRendered }: LearnerPlayerProps) {
  const module = useMemo(() => withQuizDraw(content, state.quiz), [content, state.quiz]);
  const {
    learner: { id: learnerId },
    stepIndex: initialStepIndex,
    furthestStepIndex,
    quizPassed: initiallyPassed,
    showCompletion,
  } = state;
  const t = useLightTranslations("player");
  // The queue lives in this browser's storage: made after hydration, so that the server and the
  // browser's first render are the same (React error #418 otherwise).
  const [queue, setQueue] = useState<EventQueue | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [stepIndex, setStepIndex] = useState(initialStepIndex);
  const [furthest, setFurthest] = useState(Math.max(furthestStepIndex, initialStepIndex));
  const [quizPassed, setQuizPassed] = useState(initiallyPassed);
  const [answeredScenarios, setAnsweredScenarios] = useState<Set<string>>(new Set());
  const [completed, setCompleted] = useState(showCompletion);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);
  const takeActiveSeconds = useActiveTime();
  const step = module.steps[stepIndex]!;
  const isLast = stepIndex === module.steps.length - 1;

  const send = useCallback(
    (event: NewEvent): string => {
      const eventId = crypto.randomUUID();
      const full: PendingEvent = {
        ...event,
        eventId,
        learnerId,
        moduleId: module.id,
        moduleVersion: module.version,
        occurredAt: new Date().toISOString(),
        activeSeconds: takeActiveSeconds(),
      };
      queue?.enqueue(full);
      return eventId;
    },
    [queue, learnerId, module.id, module.version, takeActiveSeconds],
  );

  // Before the first paint after hydration: resume from this device's unsent events when they went
  // further than the server knows, then show the step the inline script kept hidden meanwhile.
  useLayoutEffect(() => {
    const made = new EventQueue(learnerId);
    // The queue lives in this browser's storage, which only exists after hydration (React #418).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setQueue(made);
    const pending = showCompletion ? null : furthestPendingStep(made.pending(), module.id, module.steps);
    if (pending && pending.latest > initialStepIndex) {
      setStepIndex(pending.latest);
      setFurthest((f) => Math.max(f, pending.furthest));
    }
    rootRef.current?.removeAttribute("data-resuming");
  }, [learnerId, module, initialStepIndex, showCompletion]);

  useEffect(() => queue?.start(), [queue]);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  useEffect(() => queue?.subscribe((saving) => setSaveState(saving)), [queue]);

  // Each step shown is an event (where "Reprendre" comes back to), in the URL, and gets the focus.
  useEffect(() => {
    if (completed || !queue) return;
    send({ kind: "step_viewed", stepId: step.id });
    const url = new URL(window.location.href);
    url.searchParams.set("etape", step.id);
    window.history.replaceState(window.history.state, "", url);
    if (isFirstRender.current) isFirstRender.current = false;
    else headingRef.current?.focus();
  }, [step.id, completed, send, queue]);

  const canGoNext =
    (step.kind !== "scenario" || answeredScenarios.has(step.id) || furthest > stepIndex) &&
    (step.kind !== "quiz" || quizPassed);

  const goTo = (index: number) => {
    setStepIndex(index);
    setFurthest((f) => Math.max(f, index));
  };

  if (completed) {
    return (
      <>
        <Completion
          title={module.title}
          certificateHref={`/modules/${module.id}/certificat`}
          saved={saveState === "saved"}
          place={place}
          onReview={() => {
            setCompleted(false);
            goTo(0);
          }}
        />
        <SaveStatus state={saveState} />
      </>
    );
  }

  return (
    // data-resuming is set by the inline script before the first paint, never by React. Rendered
    // in the browser (a fetched state), the layout effect below moves to the device's step before
    // the first paint: no script is needed.
    <div className="player" ref={rootRef} suppressHydrationWarning>
      {serverRendered && (
        <script
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{
            __html: resumeMarkScript(
              learnerId,
              module.id,
              module.steps.map((s) => s.id),
              initialStepIndex,
            ),
          }}
        />
      )}
      <div className="player__header">
        <p className="player__module-title">{module.title}</p>
        <div className="player__progress">
          <div
            className="progress-bar"
            role="progressbar"
            aria-label={t("progressLabel")}
            aria-valuemin={1}
            aria-valuemax={module.steps.length}
            aria-valuenow={stepIndex + 1}
            aria-valuetext={t("stepOf", { current: stepIndex + 1, total: module.steps.length })}
          >
            <div
              className="progress-bar__fill"
              style={{ width: `${((stepIndex + 1) / module.steps.length) * 100}%` }}
            />
          </div>
          <span aria-hidden="true">{t("stepOf", { current: stepIndex + 1, total: module.steps.length })}</span>
        </div>
        <SaveStatus state={saveState} />
      </div>

      <article className="step" aria-labelledby="step-title" key={step.id}>
        <p className="step__kind">{t(`kinds.${step.kind}`)}</p>
        <h1 id="step-title" ref={headingRef} tabIndex={-1}>
          {step.title}
        </h1>
        {step.kind === "lesson" && step.illustration && (
          // eslint-disable-next-line @next/next/no-img-element -- a vector file from the course folder, served as is
          <img
            className="step__illustration"
            src={`/modules/${module.id}/illustrations/${step.illustration.file}`}
            alt={step.illustration.alt}
          />
        )}
        {(step.kind === "lesson" || step.kind === "recap") && (
          <div className="prose" dangerouslySetInnerHTML={{ __html: step.html }} />
        )}
        {step.kind === "scenario" && (
          <ScenarioStepView
            step={step}
            onAnswer={(choiceId) => {
              send({ kind: "scenario_answered", stepId: step.id, choiceId });
              setAnsweredScenarios((s) => new Set(s).add(step.id));
            }}
          />
        )}
        {step.kind === "quiz" && (
          <QuizStepView
            step={step}
            alreadyPassed={quizPassed}
            onSubmit={(answers) => {
              const eventId = send({
                kind: "quiz_submitted",
                stepId: step.id,
                answers,
                ...(step.drawId ? { drawId: step.drawId } : {}),
              });
              return queue ? queue.waitForQuizResult(eventId) : Promise.resolve(null);
            }}
            onPassed={() => setQuizPassed(true)}
          />
        )}
      </article>

      <nav className="player__nav" aria-label={t("progressLabel")}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => goTo(stepIndex - 1)}
          disabled={stepIndex === 0}
        >
          {t("previous")}
        </button>
        {!canGoNext && (
          <p className="player__hint">
            {step.kind === "quiz" ? t("quiz.passToContinue") : t("scenario.answerToContinue")}
          </p>
        )}
        {isLast ? (
          <button
            type="button"
            className="button"
            onClick={() => setCompleted(true)}
            disabled={!quizPassed && module.steps.some((s) => s.kind === "quiz")}
          >
            {t("finish")}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => goTo(stepIndex + 1)} disabled={!canGoNext}>
            {t("next")}
          </button>
        )}
      </nav>
    </div>
  );
}
