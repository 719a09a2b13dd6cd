import { getActor } from "@/lib/auth/guards";
import { requireCoursePackageAccess } from "@/lib/access/roles";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { AppError } from "@/lib/errors";
import { fileDownload } from "@/lib/http/file-download";
import { jsonError } from "@/lib/http/json-error";
import { getPathPackage } from "@/lib/scorm/get-package";

/** GET /parcours/[pathId]/scorm: the path as a multi-SCO SCORM 1.2 package, for managers and platform admins only. */
export async function GET(_request: Request, { params }: { params: Promise<{ pathId: string }> }): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("not_found");
    requireCoursePackageAccess(actor);
    const built = getPathPackage(getCatalogue(), (await params).pathId);

    return fileDownload(new Blob([built.zip as Uint8Array<ArrayBuffer>]), {
      type: "application/zip",
      name: built.fileName,
    });
  } catch (error) {
    return jsonError(error);
  }
}
