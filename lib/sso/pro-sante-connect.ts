/** The SubjectRefPro fields that name a structure and that an establishment may be matched on (never the name). */
const STRUCTURE_FIELDS = ["numeroFinessSite", "numeroFinessetablissementJuridique", "numeroSiretSite"] as const;

function asRecord(value: unknown): Record<string, unknown> | null {
  if (typeof value === "string") {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return null;
    }
  }

  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function records(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];

  return value.flatMap((item) => {
    const record = asRecord(item);
    return record ? [record] : [];
  });
}

/** An identifier as stored in the settings: no spaces, upper case (Corsican FINESS start with 2A/2B). */
export function normaliseStructureId(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

/**
 * The structures where a health professional works, from Pro Santé Connect's userinfo:
 * FINESS (site and legal entity) and SIRET of every `SubjectRefPro.exercices[].activities[]`,
 * empty strings left out. Anything malformed gives no structure, so no account creation.
 */
export function proSanteConnectStructureIds(profile: Record<string, unknown>): string[] {
  const subjectRefPro = asRecord(profile.SubjectRefPro);
  if (!subjectRefPro) return [];
  const ids = records(subjectRefPro.exercices)
    .flatMap((exercice) => records(exercice.activities))
    .flatMap((activity) => STRUCTURE_FIELDS.map((field) => activity[field]))
    .filter((value): value is string => typeof value === "string" && value.trim() !== "")
    .map(normaliseStructureId);

  return [...new Set(ids)];
}
