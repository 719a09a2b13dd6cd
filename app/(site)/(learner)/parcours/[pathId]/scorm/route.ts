import { getPathPackage } from "@/lib/scorm/get-package";
import { packageDownload } from "@/lib/scorm/package-download";

/** GET /parcours/[pathId]/scorm: the path as a multi-SCO SCORM 1.2 package, for managers and platform admins only. */
export function GET(request: Request, { params }: { params: Promise<{ pathId: string }> }): Promise<Response> {
  return packageDownload(request, async (catalogue) => getPathPackage(catalogue, (await params).pathId));
}
