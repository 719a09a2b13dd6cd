import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireLearner } from "@/lib/auth/guards";
import { mayManageAnything } from "@/lib/access/roles";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { moduleContent } from "@/lib/courses/public-module";
import { modulePlace } from "@/lib/progress/catalogue-view";
import { getLearnerModuleState } from "@/lib/progress/get-learner-module-state";
import { ScormDownload } from "../_components/scorm-download";
import { Player } from "./_components/player";

type Props = { params: Promise<{ moduleId: string }>; searchParams: Promise<{ etape?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const module = getCatalogue().moduleById.get((await params).moduleId);

  return { title: module?.title };
}

export default async function ModulePage({ params, searchParams }: Props) {
  const [{ moduleId }, { etape }] = await Promise.all([params, searchParams]);
  const catalogue = getCatalogue();
  const module = catalogue.moduleById.get(moduleId);
  if (!module) notFound();

  const learner = await requireLearner(`/modules/${module.id}`);
  const { db } = await getDb();
  // The state is rendered with the page: the player asks /api/progress/state only when not given one.
  const [state, requestHeaders] = await Promise.all([
    getLearnerModuleState(db, { learner, module, requestedStepId: etape }),
    headers(),
  ]);

  return (
    <>
      <Player
        module={moduleContent(module)}
        state={state}
        place={modulePlace(catalogue, module.id)}
        nonce={requestHeaders.get("x-nonce") ?? undefined}
      />
      {mayManageAnything(learner.actor) && <ScormDownload href={`/modules/${module.id}/scorm`} />}
    </>
  );
}
