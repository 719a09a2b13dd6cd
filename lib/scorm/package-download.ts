import { requireCoursePackageAccess } from "@/lib/access/roles";
import { getActor } from "@/lib/auth/guards";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import type { Catalogue } from "@/lib/courses/types";
import { AppError } from "@/lib/errors";
import { fileDownload } from "@/lib/http/file-download";
import { jsonError } from "@/lib/http/json-error";
import type { ScormPackage } from "./build-package";

/**
 * A SCORM download route's answer: the ZIP of the package `pick` chooses from the catalogue, for
 * managers and platform admins only (lib/access); anyone else, and an unknown id, get not found.
 * `pick` runs after the access check, so a learner learns nothing of which ids exist.
 */
export async function packageDownload(
  request: Request,
  pick: (catalogue: Catalogue) => Promise<ScormPackage>,
): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("not_found");
    requireCoursePackageAccess(actor);
    const built = await pick(getCatalogue());

    return fileDownload(new Blob([built.zip as Uint8Array<ArrayBuffer>]), {
      type: "application/zip",
      name: built.fileName,
    });
  } catch (error) {
    return jsonError(error, request);
  }
}
