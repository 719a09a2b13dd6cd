import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Player } from "@/app/(site)/(learner)/modules/[moduleId]/_components/player";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { moduleContent } from "@/lib/courses/public-module";
import { modulePlace } from "@/lib/progress/catalogue-view";
import { ShellScormDownload } from "../_components/shell-session";

type Props = { params: Promise<{ langue: string; moduleId: string }> };

// Every module of the catalogue, at its current version (a new version is a new build).
export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalogue().modules.map((module) => ({ moduleId: module.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getCatalogue().moduleById.get((await params).moduleId)?.title };
}

/**
 * A module's page as prerendered for everyone (issue 19): its open content only, the player
 * asking GET /api/progress/state for the learner's state (FetchedStatePlayer, aria-busy until then).
 */
export default async function ModuleShellPage({ params }: Props) {
  const { moduleId } = await params;
  const catalogue = getCatalogue();
  const module = catalogue.moduleById.get(moduleId);
  if (!module) notFound();

  return (
    <>
      <Player module={moduleContent(module)} place={modulePlace(catalogue, module.id)} />
      <ShellScormDownload moduleId={module.id} />
    </>
  );
}
