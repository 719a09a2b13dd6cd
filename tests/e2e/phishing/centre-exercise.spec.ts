import type { Client } from "pg";
import type { Browser, Page } from "@playwright/test";
import { E2E_PHISHING_PEOPLE } from "@/db/seed/e2e-phishing-people";
import { type OwnServer, startOwnServer } from "../../support/own-server";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import type { SmtpSink } from "../../support/smtp-sink";
import type { SpawnedServer } from "../../support/spawn-server";
import { expect, signInViaApi, test } from "../fixtures";

// A centre exercise (issue 20), against its own server on its own PostgreSQL database (the test
// moves the planned times to now) and a real SMTP server: the platform admin prepares one
// exercise for two establishments and launches it; the messages arrive; each establishment's
// manager sees their part, and only theirs; pausing and resuming from the centre act on both.
const A = { name: "Centre hospitalier des Calanques (démo)", manager: "rssi@vigie.test" };
const B = { name: "EHPAD Les Cigales (démo)", manager: "rssi-ehpad@vigie.test" };
const ADMIN = "admin@vigie.test";
let own: OwnServer<"postgresql"> | undefined;
let smtp: SmtpSink | undefined;
let server: SpawnedServer | undefined;
let db: Client | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  own = await startOwnServer({
    database: "postgresql",
    name: "vigie_e2e_campaign",
    // The end-to-end data set: a second establishment (B) under the demo centre, with its manager.
    seedArgs: ["--e2e-learners=1"],
    env: {
      REMINDERS_EVERY_MINUTES: "0",
      PHISHING_SEND_EVERY_SECONDS: "1",
      PHISHING_SEND_PER_MINUTE: "1000",
      OPERATOR_CENTRE: "centre-regional-demo",
    },
    startTimeoutMs: 90_000,
  });
  ({ smtp, server, db } = own);
});

test.afterAll(async () => {
  await own?.stop();
});

async function signedIn(browser: Browser, email: string, like: Page): Promise<Page> {
  const context = await browser.newContext({ baseURL: server!.url, viewport: like.viewportSize() });
  await signInViaApi(context.request, email);

  return context.newPage();
}

async function partStates(): Promise<string[]> {
  const { rows } = await db!.query<{ state: string }>(
    "select state from phishing_exercises where campaign_id is not null",
  );

  return rows.map((r) => r.state);
}

/** axe at the project's viewport, then at 360 px with no sideways scroll. */
async function checkPage(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.setViewportSize(viewport);
}

test("the centre runs one exercise for two establishments: messages arrive, each manager sees their part only", async ({
  browser,
  page,
  expectHttpErrors,
}) => {
  test.setTimeout(180_000);
  // The managers' visits to the centre's pages below: not found, as expected.
  expectHttpErrors(/\/centre\/exercices(\/[0-9a-f-]{36})?$/, 404);
  const centre = await signedIn(browser, ADMIN, page);
  await centre.goto("/centre/tableau-de-bord");
  await centre.getByRole("link", { name: "Exercices d'hameçonnage du centre" }).click();
  await expect(centre.getByRole("heading", { level: 1, name: "Exercices d'hameçonnage du centre" })).toBeVisible();
  await checkPage(centre);

  // Nothing ticked: refused, with the reason next to the list.
  const establishments = centre.getByRole("group", { name: "Établissements visés" });
  for (const box of await establishments.getByRole("checkbox").all()) await box.uncheck();
  await centre.getByRole("button", { name: "Préparer l'exercice du centre" }).click();
  await expect(centre.getByText("Cochez au moins un établissement de votre centre.")).toBeVisible();
  expect((await db!.query("select count(*)::int as n from phishing_campaigns")).rows[0].n).toBe(0);

  await establishments.getByRole("checkbox", { name: A.name }).check();
  await establishments.getByRole("checkbox", { name: B.name }).check();
  await centre.getByLabel("Scénario").selectOption({ label: "Nouvelles coordonnées bancaires d'un fournisseur" });
  await centre.getByRole("button", { name: "Préparer l'exercice du centre" }).click();
  await expect(
    centre.getByRole("status").filter({ hasText: "Exercice du centre préparé pour 2 établissements." }),
  ).toBeVisible();
  const row = centre.getByRole("row").filter({ hasText: "2 établissements" });
  await expect(row).toContainText("En préparation");

  // Launching needs the confirmation that each establishment's staff were told.
  await row.getByRole("button", { name: "Lancer dans tous les établissements" }).click();
  await expect(row.getByText(/Cochez la confirmation/)).toBeVisible();
  await row.getByRole("checkbox", { name: /personnel de chacun de ces établissements a été informé/ }).check();
  await row.getByRole("button", { name: "Lancer dans tous les établissements" }).click();
  await expect(row).toContainText("En cours");
  await checkPage(centre);

  // Pausing and resuming from the centre act on both parts at once.
  await row.getByRole("button", { name: "Mettre en pause partout" }).click();
  await expect(row).toContainText("En pause");
  expect(await partStates()).toEqual(["paused", "paused"]);
  await row.getByRole("button", { name: "Reprendre partout" }).click();
  await expect(row).toContainText("En cours");
  expect(await partStates()).toEqual(["running", "running"]);
  const campaignUrl = await row.getByRole("link", { name: "Voir les résultats" }).getAttribute("href");
  expect(campaignUrl).toMatch(/^\/centre\/exercices\/[0-9a-f-]{36}$/);

  for (const who of [A, B]) {
    const manager = await signedIn(browser, who.manager, page);
    await manager.goto("/etablissement/exercices");
    const part = manager.getByRole("row").filter({ hasText: "Exercice du centre" });
    // One part: theirs. The other establishment's is not in their list.
    await expect(part).toHaveCount(1);
    await expect(part).toContainText("En cours");
    await expect(part.getByRole("button", { name: "Annuler l'exercice" })).toBeVisible();
    await expect(part.getByRole("button", { name: "Mettre en pause" })).toHaveCount(0);
    await checkPage(manager);
    // The centre's pages are not theirs.
    for (const url of ["/centre/exercices", campaignUrl!]) {
      const response = await manager.goto(url);
      expect(response?.status(), url).toBe(404);
    }
    await manager.context().close();
  }

  // The planned times are spread over working hours: bring this exercise's to now.
  const { rowCount } = await db!.query(
    `update phishing_recipients set planned_at = now() where sent_at is null
      and exercise_id in (select id from phishing_exercises where campaign_id is not null)`,
  );
  expect(rowCount).toBeGreaterThan(2);
  // Every message of the two parts leaves, none fails, and the SMTP server gets each once: a
  // person of both establishments gets one, counted in the establishment they joined first.
  const ofCampaign = `from phishing_recipients r join phishing_exercises e on e.id = r.exercise_id
    join users u on u.id = r.user_id where e.campaign_id is not null`;
  await expect
    .poll(
      async () =>
        (await db!.query(`select count(*)::int as n ${ofCampaign} and r.delivered_at is null and r.send_error is null`))
          .rows[0].n,
      { timeout: 60_000 },
    )
    .toBe(0);
  expect((await db!.query(`select u.email, r.send_error ${ofCampaign} and r.send_error is not null`)).rows).toEqual([]);
  const { rows: addressed } = await db!.query<{ email: string }>(`select u.email ${ofCampaign}`);
  await expect.poll(() => smtp!.received.length, { timeout: 30_000 }).toBe(rowCount);
  const recipients = smtp!.received.map((message) => message.to);
  expect(recipients.sort()).toEqual(addressed.map((r) => r.email).sort());
  expect(recipients).toEqual(expect.arrayContaining([A.manager, B.manager]));
  expect(recipients.filter((to) => to === E2E_PHISHING_PEOPLE.shared.email)).toHaveLength(1);
  const { rows: perEstablishment } = await db!.query<{ name: string; sent: number }>(
    `select o.name, count(r.sent_at)::int as sent from phishing_exercises e
      join organisations o on o.id = e.organisation_id join phishing_recipients r on r.exercise_id = e.id
      where e.campaign_id is not null group by o.name order by o.name`,
  );
  expect(perEstablishment.map((r) => r.name)).toEqual([A.name, B.name]);
  expect(perEstablishment.every((r) => r.sent > 0)).toBe(true);

  // The centre's page of the exercise: each part and the results by establishment, no link to an establishment's pages.
  await centre.goto(campaignUrl!);
  await expect(centre.getByRole("heading", { level: 1, name: /^Exercice du centre\s*:/ })).toBeVisible();
  const parts = centre.getByRole("table", { name: "Part de chaque établissement" });
  for (const who of [A, B]) await expect(parts.getByRole("row").filter({ hasText: who.name })).toBeVisible();
  await expect(centre.getByRole("table", { name: "Résultats par établissement" })).toBeVisible();
  await expect(centre.locator("main a[href^='/etablissement']")).toHaveCount(0);
  await checkPage(centre);
  await centre.context().close();
});
