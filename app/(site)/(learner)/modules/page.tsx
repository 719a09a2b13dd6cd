import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireLearner } from "@/lib/auth/guards";
import { mayManageAnything } from "@/lib/access/roles";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { listLearnerAssignments } from "@/lib/assignments/list-learner-assignments";
import { buildCatalogueView } from "@/lib/progress/catalogue-view";
import { listLearnerProgress } from "@/lib/progress/queries";
import { AssignedList } from "./_components/assigned-list";
import { ModuleCardItem } from "./_components/module-card";
import { ScormDownload } from "./_components/scorm-download";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue"))("title") };
}

export default async function CataloguePage() {
  const { actor, membership } = await requireLearner("/modules");
  const [{ db }, t] = await Promise.all([getDb(), getTranslations("catalogue")]);
  const progress = await listLearnerProgress(db, actor.userId);
  const view = buildCatalogueView(getCatalogue(), progress);
  const scormHintId = mayManageAnything(actor) ? "scorm-hint" : undefined;
  const assigned = await listLearnerAssignments(db, {
    organisationId: membership.organisationId,
    userId: actor.userId,
    teamId: membership.teamId,
    catalogue: getCatalogue(),
    progress,
    asOf: new Date(),
  });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {scormHintId && (
        <p id={scormHintId} className="hint">
          {t("scormHint")}
        </p>
      )}
      {assigned.length > 0 && <AssignedList assignments={assigned} />}

      {view.paths.map((path) => (
        <section key={path.id} className="section" aria-labelledby={`parcours-${path.id}`}>
          <h2 id={`parcours-${path.id}`}>{path.title}</h2>
          <p>{path.summary}</p>
          <div className="path-progress">
            <progress
              id={`avancement-${path.id}`}
              max={path.total}
              value={path.done}
              aria-label={t("pathProgressLabel")}
            />
            <span>{t("pathProgress", { done: path.done, total: path.total })}</span>
          </div>
          {path.next && (
            <p>
              <Link href={`/modules/${path.next.moduleId}`} className="button" aria-describedby={`parcours-${path.id}`}>
                {t(`pathAction.${path.next.action}`)}
              </Link>
            </p>
          )}
          <ol className="module-list">
            {path.modules.map((module) => (
              <ModuleCardItem key={module.id} module={module} scormHintId={scormHintId} />
            ))}
          </ol>
          {scormHintId && <ScormDownload href={`/parcours/${path.id}/scorm`} describedBy={`parcours-${path.id}`} />}
        </section>
      ))}

      {view.otherModules.length > 0 && (
        <section className="section" aria-labelledby="autres-modules">
          <h2 id="autres-modules">{t("otherModules")}</h2>
          <ul className="module-list">
            {view.otherModules.map((module) => (
              <ModuleCardItem key={module.id} module={module} scormHintId={scormHintId} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
