import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireLearner } from "@/lib/auth/guards";
import { mayManageAnything } from "@/lib/access/roles";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { toPublicModule } from "@/lib/courses/public-module";
import { modulePlace } from "@/lib/progress/catalogue-view";
import { getQuizDraw } from "@/lib/progress/get-quiz-draw";
import { getModuleProgress } from "@/lib/progress/queries";
import { resumeStepIndex } from "@/lib/progress/resume-step";
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

  const { actor, membership } = await requireLearner(`/modules/${module.id}`);
  const { db } = await getDb();
  const [progress, draw, requestHeaders] = await Promise.all([
    getModuleProgress(db, actor.userId, module.id),
    getQuizDraw(db, { userId: actor.userId, organisationId: membership.organisationId, module }),
    headers(),
  ]);
  const quiz = module.steps.find((step) => step.kind === "quiz");

  return (
    <>
      <Player
        module={toPublicModule(module, draw)}
        learnerId={actor.userId}
        initialStepIndex={resumeStepIndex(module, progress, etape)}
        furthestStepIndex={progress?.furthestStepIndex ?? 0}
        quizPassed={!quiz || progress?.quizPassedAt != null}
        showCompletion={etape === "fin" && progress?.completedAt != null}
        place={modulePlace(catalogue, module.id)}
        nonce={requestHeaders.get("x-nonce") ?? undefined}
      />
      {mayManageAnything(actor) && <ScormDownload href={`/modules/${module.id}/scorm`} />}
    </>
  );
}
