"use client";

import Link from "next/link";
import { useLightTranslations } from "@/app/_components/light-messages";
import { useContext, useEffect, useState } from "react";
import type { PublicModule } from "@/lib/courses/public-module";
import type { CompletionProps } from "./completion";
import { LearnerPlayer } from "./learner-player";
import { type StateOutcome, loadModuleState } from "./load-module-state";
import { LoadedStateContext } from "./loaded-state";

type Props = { content: PublicModule; place: CompletionProps["place"] };

/**
 * The player of a page that does not know the learner (prerendered for everyone): no step is
 * shown, and the frame is aria-busy, until GET /api/progress/state has said where they are; a
 * signed-out visitor goes to sign-in, and a failure is said with a way to try again.
 */
export function FetchedStatePlayer({ content, place }: Props) {
  const t = useLightTranslations("player.state");
  const [outcome, setOutcome] = useState<StateOutcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  const onLoaded = useContext(LoadedStateContext);

  useEffect(() => {
    let current = true;
    void loadModuleState(content, window.location).then((loaded) => {
      if (!current) return;
      if (loaded.kind === "redirect") return window.location.assign(loaded.to);
      setOutcome(loaded);
      if (loaded.kind === "ready") onLoaded?.(loaded.state);
    });

    return () => {
      current = false;
    };
  }, [content, attempt, onLoaded]);

  if (outcome?.kind === "ready")
    return <LearnerPlayer content={content} state={outcome.state} place={place} serverRendered={false} />;
  const failed = outcome?.kind === "failed" ? outcome.reason : null;

  return (
    <div className="player" aria-busy={failed === null}>
      <div className="player__header">
        <p className="player__module-title">{content.title}</p>
      </div>
      {/* Not FormOutcome: the state's loading, then its failure with the way out, in one place; no form. */}
      {failed === null ? (
        <p role="status" className="hint">
          {t("loading")}
        </p>
      ) : (
        <div role="alert" className="form-message">
          <p>{t(failed)}</p>
          {failed === "unavailable" && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setOutcome(null);
                setAttempt((count) => count + 1);
              }}
            >
              {t("retry")}
            </button>
          )}
          {failed === "stale" && (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t("reload")}
            </button>
          )}
          {failed === "notFound" && (
            <Link href="/modules" prefetch={false} className="button button--secondary">
              {t("backToModules")}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
