import { getModulePackage } from "@/lib/scorm/get-package";
import { packageDownload } from "@/lib/scorm/package-download";

/** GET /modules/[moduleId]/scorm: the module as a SCORM 1.2 package, for managers and platform admins only. */
export function GET(request: Request, { params }: { params: Promise<{ moduleId: string }> }): Promise<Response> {
  return packageDownload(request, async (catalogue) => getModulePackage(catalogue, (await params).moduleId));
}
