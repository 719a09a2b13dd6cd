/** A URL-safe, unique-enough slug: the name without accents, plus a random tail. */
export function slugFor(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

  return `${base || "etablissement"}-${crypto.randomUUID().slice(0, 6)}`;
}
