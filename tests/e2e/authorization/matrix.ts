import { type Browser, type Locator, type Page, expect } from "@playwright/test";
import { forgeValue, signInViaApi } from "../fixtures";

/**
 * The role × establishment matrix's data: the e2e seed (db/seed/e2e-establishments.ts) gives the
 * demo establishment (A) and "EHPAD Les Cigales (démo)" (B) the same kinds of objects.
 */
export const A = {
  manager: "rssi@vigie.test",
  learner: "infirmiere@vigie.test",
  matrixLearner: { email: "pharmacienne@vigie.test", name: "Hélène Marchand" },
  team: "Pharmacie",
};
export const B = {
  manager: "rssi-ehpad@vigie.test",
  matrixLearner: { email: "soignant-ehpad@vigie.test", name: "Lucas Petit" },
  team: "Unité Les Cigales",
};
export const ADMIN = "admin@vigie.test";
/** "Clinique du Littoral (démo)", under another centre: its admin is the matrix's admin of another centre. */
export const C = {
  admin: "admin-voisin@vigie.test",
  matrixLearner: { email: "soignant-littoral@vigie.test", name: "Inès Moreau" },
  team: "Service Littoral",
};
export type Establishment = typeof A | typeof B | typeof C;

/** The ids of one establishment's objects, as its own manager's pages show them. */
export type EstablishmentIds = {
  establishment: string;
  learner: string;
  team: string;
  assignment: string;
  certificate: string;
  certificateCode: string;
  /** The seeded phishing exercise (db/seed/e2e-phishing.ts). */
  exercise: string;
};

/** Reads the ids from the manager's own pages (the e2e server's database is not reachable from here). */
export async function readIds(page: Page, who: Establishment): Promise<EstablishmentIds> {
  await page.goto("/etablissement/affectations");
  const establishment = await hiddenValue(
    page.locator("form").filter({ has: page.getByLabel("Parcours ou module") }),
    "organisationId",
  );
  const scope = who === A ? A.team : "Tout l'établissement";
  const assignment = await hiddenValue(
    page
      .getByRole("listitem")
      .filter({ hasText: `${scope} — À terminer avant le 30/06/2031` })
      .first(),
    "assignmentId",
  );
  await page.goto("/etablissement/certificats");
  const certificateItem = page.getByRole("listitem").filter({ hasText: who.matrixLearner.name }).first();
  const certificate = await hiddenValue(certificateItem, "certificateId");
  const certificateCode = (await certificateItem.locator(".certificate-code").innerText()).trim();
  await page.goto("/etablissement/equipes");
  // Other tests add services such as "Pharmacie 1a2b3c4d": only the seeded one, by its exact name.
  const team = await hiddenValue(
    page.getByRole("listitem").filter({ hasText: new RegExp(`^${who.team} —`) }),
    "teamId",
  );
  await page.goto(`/etablissement/apprenants?q=${encodeURIComponent(who.matrixLearner.email)}`);
  const href = await page.getByRole("link", { name: who.matrixLearner.name }).getAttribute("href");
  const learner = href!.split("/").pop()!.split("?")[0]!;
  const exercise = await seededExercise(page);

  return { establishment, learner, team, assignment, certificate, certificateCode, exercise };
}

/** The id of the establishment's seeded exercise (window from 05/10/2026), from its results link. */
export async function seededExercise(page: Page): Promise<string> {
  await page.goto("/etablissement/exercices");
  const href = await page
    .getByRole("row")
    .filter({ hasText: "à partir du 05/10/2026" })
    .getByRole("link", { name: "Voir les résultats" })
    .getAttribute("href");
  const exercise = href!.split("/").pop()!.split("?")[0]!;
  expect(exercise, "exercise").toMatch(/^[0-9a-f-]{36}$/);

  return exercise;
}

async function hiddenValue(scope: Locator, name: string): Promise<string> {
  const value = await scope.locator(`input[name="${name}"]`).inputValue();
  expect(value, name).toMatch(/^[0-9a-f-]{36}$/);

  return value;
}

/** Forges a form the way an attacker would: changes its hidden fields in the DOM. */
export async function forge(form: Locator, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    await forgeValue(form.locator(`input[name="${name}"]`), value);
  }
}

/** A page signed in as `email` in a context of its own, with the viewport of `like`. */
export async function signedInPage(browser: Browser, email: string, like?: Page): Promise<Page> {
  const context = await browser.newContext({ viewport: like?.viewportSize() ?? undefined });
  const page = await context.newPage();
  await signInViaApi(page.request, email);

  return page;
}

/** What A's manager sees of A's objects, to compare before and after an attempt from outside. */
export async function snapshotOfA(page: Page, ids: EstablishmentIds) {
  await page.goto("/etablissement/affectations");
  const assignments = await page.locator(".assignment-list > li").allInnerTexts();
  await page.goto("/etablissement/certificats");
  const certificates = await page.locator(".certificate-list > li").allInnerTexts();
  await page.goto("/etablissement/equipes");
  const teams = await page.locator(".team-row").allInnerTexts();
  await page.goto(`/etablissement/apprenants/${ids.learner}`);
  const access = await page.getByRole("region", { name: "Accès à Vigie" }).innerText();
  await page.goto("/etablissement/contact-incident");
  const contact = await Promise.all(
    ["Nom du contact", "Téléphone", "Adresse e-mail"].map((label) =>
      page.getByLabel(label, { exact: true }).inputValue(),
    ),
  );
  await page.goto("/etablissement/apprenants");
  const learners = await page.getByRole("status").first().innerText();

  return { assignments, certificates, teams, access, contact, learners };
}
