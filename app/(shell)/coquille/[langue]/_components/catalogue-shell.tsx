"use client";

import { useContext, useEffect, useState } from "react";
import { ScormDownloadLink } from "@/app/(site)/(learner)/modules/_components/scorm-download-link";
import { LoadedStateContext } from "@/app/(site)/(learner)/modules/[moduleId]/_components/loaded-state";
import { useLightTranslations } from "@/app/_components/light-messages";
import type { LearnerAssignment } from "@/lib/assignments/list-learner-assignments";
import type { Locale } from "@/lib/i18n/locales";
import { withCatalogueState } from "@/lib/progress/catalogue-state";
import type { CatalogueView, ModuleCard } from "@/lib/progress/catalogue-view";
import { type CatalogueOutcome, loadCatalogueState } from "./load-catalogue-state";

/**
 * The catalogue as prerendered for everyone (issue 19): every path and module, with nothing of a
 * person until GET /api/progress/catalogue has answered (progress, the paths' and modules'
 * buttons, the assigned list: absent, and the sections aria-busy); then what the catalogue page
 * rendered per request shows. Its links to modules are plain links, not next/link: a module's
 * page is served by the proxy from its own shell, and Next's prefetch would pass the proxy by.
 */
export function CatalogueShell({ view, locale }: { view: CatalogueView; locale: Locale }) {
  const t = useLightTranslations("catalogue");
  const tScorm = useLightTranslations("scormPlayer");
  const [outcome, setOutcome] = useState<CatalogueOutcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  const onLoaded = useContext(LoadedStateContext);

  useEffect(() => {
    let current = true;
    void loadCatalogueState(window.location).then((loaded) => {
      if (!current) return;
      if (loaded.kind === "redirect") return window.location.assign(loaded.to);
      setOutcome(loaded);
      if (loaded.kind === "ready") onLoaded?.(loaded.state);
    });

    return () => {
      current = false;
    };
  }, [attempt, onLoaded]);

  const state = outcome?.kind === "ready" ? outcome.state : null;
  const shown = state ? withCatalogueState(view, state) : view;
  const scormHintId = state?.viewer.mayManage ? "scorm-hint" : undefined;
  const busy = state === null;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {outcome === null && (
        <p role="status" className="hint">
          {t("loading")}
        </p>
      )}
      {outcome?.kind === "failed" && (
        <div role="alert" className="form-message">
          <p>{t("unavailable")}</p>
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
        </div>
      )}
      {scormHintId && (
        <p id={scormHintId} className="hint">
          {t("scormHint")}
        </p>
      )}
      {state && state.assigned.length > 0 && <AssignedList assignments={state.assigned} locale={locale} />}

      {shown.paths.map((path) => (
        <section key={path.id} className="section" aria-labelledby={`parcours-${path.id}`} aria-busy={busy}>
          <h2 id={`parcours-${path.id}`}>{path.title}</h2>
          <p>{path.summary}</p>
          {state && (
            <div className="path-progress">
              <progress
                id={`avancement-${path.id}`}
                max={path.total}
                value={path.done}
                aria-label={t("pathProgressLabel")}
              />
              <span>{t("pathProgress", { done: path.done, total: path.total })}</span>
            </div>
          )}
          {state && path.next && (
            <p>
              <a href={`/modules/${path.next.moduleId}`} className="button" aria-describedby={`parcours-${path.id}`}>
                {t(`pathAction.${path.next.action}`)}
              </a>
            </p>
          )}
          <ol className="module-list">
            {path.modules.map((module) => (
              <ModuleCardItem key={module.id} module={module} known={!busy} scormHintId={scormHintId} />
            ))}
          </ol>
          {scormHintId && (
            <ScormDownloadLink
              href={`/parcours/${path.id}/scorm`}
              describedBy={`parcours-${path.id}`}
              label={tScorm("download")}
              hint={tScorm("downloadHint")}
            />
          )}
        </section>
      ))}

      {shown.otherModules.length > 0 && (
        <section className="section" aria-labelledby="autres-modules" aria-busy={busy}>
          <h2 id="autres-modules">{t("otherModules")}</h2>
          <ul className="module-list">
            {shown.otherModules.map((module) => (
              <ModuleCardItem key={module.id} module={module} known={!busy} scormHintId={scormHintId} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * A module of the catalogue, as the page rendered per request draws it (modules/_components/
 * module-card.tsx); its state and its button only once the learner's state is `known`.
 */
function ModuleCardItem({ module, known, scormHintId }: { module: ModuleCard; known: boolean; scormHintId?: string }) {
  const t = useLightTranslations("catalogue");
  const titleId = `module-${module.id}`;

  return (
    <li className={known ? `module-card module-card--${module.state}` : "module-card"}>
      <div className="module-card__top">
        <ul className="tags" aria-label={t("tagsLabel")}>
          {module.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
        {module.position && (
          <span className="module-card__position">
            {t("position", { position: module.position.index, total: module.position.total })}
          </span>
        )}
      </div>
      <h3 id={titleId}>{module.title}</h3>
      <p>{module.summary}</p>
      <p className="module-card__meta">
        <span>{t("duration", { minutes: module.durationMinutes })}</span>
        {known && <span className={`state state--${module.state}`}>{t(`state.${module.state}`)}</span>}
      </p>
      {known && (
        <div className="module-card__actions">
          <a href={`/modules/${module.id}`} className="button" aria-describedby={titleId}>
            {t(`action.${module.state}`)}
          </a>
          {scormHintId && (
            <a
              href={`/modules/${module.id}/scorm`}
              className="button button--quiet"
              download
              aria-describedby={`${titleId} ${scormHintId}`}
            >
              {t("scormDownload")}
            </a>
          )}
        </div>
      )}
    </li>
  );
}

/** What the establishment asks of the learner and by when, as modules/_components/assigned-list.tsx draws it. */
function AssignedList({ assignments, locale }: { assignments: LearnerAssignment[]; locale: Locale }) {
  const t = useLightTranslations("learnerAssignments");
  // The site formats dates in Europe/Paris (lib/i18n/request.ts); a due day at noon UTC is the same day there.
  const format = new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Europe/Paris",
  });
  const date = (day: string) => format.format(new Date(`${day}T12:00:00Z`));

  return (
    <section className="section callout" aria-labelledby="a-terminer">
      <h2 id="a-terminer">{t("title")}</h2>
      <ul>
        {assignments.map((a) => (
          <li key={a.id}>
            <a
              href={a.subjectType === "path" ? `#parcours-${a.subjectId}` : `/modules/${a.subjectId}`}
              aria-label={t("open", { title: a.subjectTitle })}
            >
              {a.subjectTitle}
            </a>{" "}
            —{" "}
            <strong>
              {a.status === "late" ? t("late", { date: date(a.dueOn) }) : t("due", { date: date(a.dueOn) })}
            </strong>
            {a.renewYearly && ` (${t("yearly")})`} — {t(`status.${a.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
