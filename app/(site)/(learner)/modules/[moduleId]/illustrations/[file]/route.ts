import { readFile } from "node:fs/promises";
import path from "node:path";
import { getCatalogue } from "@/lib/courses/get-catalogue";

/**
 * A lesson's illustration: only files a lesson of this module names (the course schema allows
 * .svg files in the module folder), served so that any script in them never runs.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ moduleId: string; file: string }> }) {
  const { moduleId, file } = await params;
  const module = getCatalogue().moduleById.get(moduleId);
  const named = module?.steps.some((step) => step.kind === "lesson" && step.illustration?.file === file);
  if (!module || !named) return new Response("Not found", { status: 404 });

  const svg = await readFile(path.join(module.folder, file));

  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
