import type { Client } from "pg";
import type { Browser } from "@playwright/test";
import { type OwnServer, startOwnServer } from "../../support/own-server";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import type { SmtpSink } from "../../support/smtp-sink";
import type { SpawnedServer } from "../../support/spawn-server";
import { expect, forgeValue, signInViaApi, test } from "../fixtures";

// The whole loop, against its own server on its own PostgreSQL database (the test moves the
// planned times to now, which it can only do on a database it can reach while the server runs)
// and a real SMTP server: create, launch, the message arrives, a browser follows the link and
// a person presses the button (one click, counted once); a plain GET, a HEAD and a page load
// without interaction count as automatic openings only.
const LEARNER = "infirmiere@vigie.test";
/** The demo establishment's incident contact, who also gets an exercise message as its manager. */
const CONTACT = "rssi@vigie.test";
let own: OwnServer<"postgresql"> | undefined;
let smtp: SmtpSink | undefined;
let server: SpawnedServer | undefined;
let db: Client | undefined;

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "starts its own server, database and mail sink; once is enough");
  test.setTimeout(180_000);
  own = await startOwnServer({
    database: "postgresql",
    name: "vigie_e2e_phishing",
    env: { REMINDERS_EVERY_MINUTES: "0", PHISHING_SEND_EVERY_SECONDS: "1", PHISHING_SEND_PER_MINUTE: "1000" },
    startTimeoutMs: 90_000,
  });
  ({ smtp, server, db } = own);
});

test.afterAll(async () => {
  await own?.stop();
});

async function recipient(email: string) {
  const { rows } = await db!.query<{
    automatic_opens: number;
    clicked_at: Date | null;
    module_assigned_at: Date | null;
  }>(
    `select r.automatic_opens, r.clicked_at, r.module_assigned_at from phishing_recipients r
      join users u on u.id = r.user_id where u.email = $1`,
    [email],
  );
  return rows[0];
}

function linkIn(text: string): string {
  // Quoted-printable wraps long lines with "=\r\n" and encodes "=" as "=3D".
  const body = text.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  return /http:\/\/localhost:\d+\/exercice\/[A-Za-z0-9_-]{43}/.exec(body)![0];
}

/** The manager prepares and launches an exercise, and every message arrives (once per server). */
async function launchAndReceive(browser: Browser): Promise<void> {
  if (smtp!.received.length > 0) return;
  const managerContext = await browser.newContext({ baseURL: server!.url });
  const manager = await managerContext.newPage();
  await signInViaApi(managerContext.request, "rssi@vigie.test");
  await manager.goto("/etablissement/exercices");
  await manager.getByRole("button", { name: "Préparer l'exercice" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "Exercice préparé." })).toBeVisible();
  await manager.getByRole("checkbox", { name: /Je confirme que le personnel a été informé/ }).check();
  await manager.getByRole("button", { name: "Lancer l'exercice" }).click();
  await expect(manager.getByRole("row").filter({ hasText: "En cours" })).toBeVisible();

  // The planned times are spread over working hours: bring them to now.
  const { rowCount } = await db!.query("update phishing_recipients set planned_at = now()");
  await expect.poll(() => smtp!.received.length, { timeout: 30_000 }).toBe(rowCount);
  await managerContext.close();
}

test("a person's click counts once; scanners and unattended page loads count as automatic openings", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await launchAndReceive(browser);
  const messageTo = (email: string) => smtp!.received.find((m) => m.to === email)!;
  const others = smtp!.received.filter((m) => m.to !== LEARNER);
  expect(others.length).toBeGreaterThanOrEqual(2);

  // A link scanner: HEAD, then GET, with no browser at all.
  const scanned = linkIn(others[0]!.text);
  await fetch(scanned, { method: "HEAD" });
  await fetch(scanned);
  // A headless browser that loads the page and runs its script, but never interacts.
  const unattended = linkIn(others[1]!.text);
  const robot = await browser.newPage();
  await robot.goto(unattended);
  await expect(robot.getByRole("button", { name: "Voir ce que j'aurais dû remarquer" })).toBeVisible();
  await robot
    .getByRole("button", { name: "Voir ce que j'aurais dû remarquer" })
    .evaluate((b) => (b as HTMLElement).click());
  await robot.close();

  // The person: opens the link, reads, presses the button; later comes back and presses again.
  const person = await browser.newPage();
  await person.goto(linkIn(messageTo(LEARNER).text));
  await expect(person.getByRole("heading", { level: 1, name: "C'était un exercice d'hameçonnage" })).toBeVisible();
  const press = async () => {
    const posted = person.waitForResponse((r) => r.url().endsWith("/clic") && r.request().method() === "POST");
    await person.getByRole("button", { name: "Voir ce que j'aurais dû remarquer" }).click();
    expect((await posted).status()).toBe(204);
    await expect(person.getByRole("link", { name: "Suivre le module" })).toBeVisible();
  };
  await press();
  const first = (await recipient(LEARNER))!;
  expect(first.clicked_at).not.toBeNull();
  await person.reload();
  await press();
  await person.close();

  const after = (await recipient(LEARNER))!;
  expect(after.clicked_at).toEqual(first.clicked_at);
  expect(after.module_assigned_at).not.toBeNull();
  expect(after.automatic_opens).toBe(2);
  const [scanner, robotRow] = await Promise.all([recipient(others[0]!.to), recipient(others[1]!.to)]);
  expect(scanner!.automatic_opens).toBeGreaterThanOrEqual(1);
  expect(scanner!.clicked_at).toBeNull();
  expect(robotRow).toMatchObject({ automatic_opens: 1, clicked_at: null });
  // No message is sent twice.
  expect(new Set(smtp!.received.map((m) => m.to)).size).toBe(smtp!.received.length);

  // The module assigned on the click is the person's own assignment, in « Mes modules ».
  const learnerContext = await browser.newContext({ baseURL: server!.url });
  await signInViaApi(learnerContext.request, LEARNER);
  const learner = await learnerContext.newPage();
  await learner.goto("/modules");
  const assigned = learner.getByRole("region", { name: "À faire pour votre établissement" });
  await expect(assigned.getByRole("link", { name: /^Ouvrir : Hameçonnage/ })).toBeVisible();
  await learnerContext.close();
  // Nobody else (the scanner's, the robot's) has it.
  const { rows: assignedRows } = await db!.query<{ email: string }>(
    `select u.email from assignments a join users u on u.id = a.user_id where a.subject_id = 'hameconnage'`,
  );
  expect(assignedRows.map((r) => r.email)).toEqual([LEARNER]);
});

async function reportedAt(email: string): Promise<Date | null> {
  const { rows } = await db!.query<{ reported_at: Date | null }>(
    `select r.reported_at from phishing_recipients r join users u on u.id = r.user_id where u.email = $1`,
    [email],
  );
  return rows[0]!.reported_at;
}

test("a person who reports their own exercise message is told so, once; someone else's link is a real report", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await launchAndReceive(browser);
  const exerciseMessages = [...smtp!.received];
  const own = exerciseMessages.find((m) => m.to === LEARNER)!;
  const colleague = exerciseMessages.find((m) => m.to !== LEARNER && m.to !== CONTACT)!;
  // Phone-sized: the page with the marked message must fit 360 px.
  const context = await browser.newContext({ baseURL: server!.url, viewport: { width: 360, height: 800 } });
  await signInViaApi(context.request, LEARNER);
  const page = await context.newPage();
  const report = async (pasted: string) => {
    await page.goto("/signaler-un-message");
    await page.getByLabel("Le lien ou le message suspect").fill(pasted);
    await page.getByRole("button", { name: "Signaler le message" }).click();
  };

  // The whole message as the mail server got it (quoted-printable source): the token is found.
  await report(own.text);
  await expect(page.getByRole("heading", { level: 1, name: "Bravo, c'était un exercice" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ce qu'il fallait remarquer" })).toBeVisible();
  await expect(page.locator(".phishing-clues > li").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  const first = await reportedAt(LEARNER);
  expect(first).not.toBeNull();
  // Again, with the link alone: the same answer, the first report's time kept.
  await report(linkIn(own.text));
  await expect(page.getByRole("heading", { level: 1, name: "Bravo, c'était un exercice" })).toBeVisible();
  expect(await reportedAt(LEARNER)).toEqual(first);

  // A colleague's link: answered and sent as any other message, nothing recorded on theirs.
  const toContact = () => smtp!.received.filter((m) => m.to === CONTACT).length;
  const before = toContact();
  await report(linkIn(colleague.text));
  await expect(page.getByRole("status").filter({ hasText: "Merci : votre signalement a été envoyé à" })).toBeVisible();
  expect(await reportedAt(colleague.to)).toBeNull();
  await expect.poll(toContact, { timeout: 10_000 }).toBe(before + 1);
  const sent = smtp!.received
    .filter((m) => m.to === CONTACT)
    .at(-1)!
    .text.replace(/=\r?\n/g, "")
    .replace(/=3D/g, "=");
  // The colleague's link is taken out: the contact opening it would count as the colleague's click.
  expect(sent).not.toContain(linkIn(colleague.text).slice(-43));
  expect(sent).toContain("[lien d'exercice Vigie retir");
  expect(sent).toContain("message d'exercice d'hame");
  await context.close();
});

async function userId(email: string): Promise<string> {
  const { rows } = await db!.query<{ id: string }>("select id from users where email = $1", [email]);
  return rows[0]!.id;
}

async function personalAssignment(email: string): Promise<string | undefined> {
  const { rows } = await db!.query<{ id: string }>(
    "select a.id from assignments a join users u on u.id = a.user_id where u.email = $1 and a.subject_id = 'hameconnage'",
    [email],
  );
  return rows[0]?.id;
}

test("a manager removes the module a click assigned; a manager of another establishment cannot", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await launchAndReceive(browser);
  // The click (again, if another test made it: it counts once), which assigns the module.
  const person = await browser.newPage();
  await person.goto(linkIn(smtp!.received.find((m) => m.to === LEARNER)!.text));
  const posted = person.waitForResponse((r) => r.url().endsWith("/clic") && r.request().method() === "POST");
  await person.getByRole("button", { name: "Voir ce que j'aurais dû remarquer" }).click();
  expect((await posted).status()).toBe(204);
  await person.close();
  const assignmentOfA = await personalAssignment(LEARNER);
  expect(assignmentOfA).toBeDefined();

  // Establishment B of the same centre: Karim Benali manages it, Zoë Œuvray works there and clicked there too.
  const { rows: created } = await db!.query<{ id: string }>(
    `insert into organisations (name, slug, kind, parent_id)
      select 'EHPAD voisin (e2e)', 'ehpad-voisin-e2e', 'establishment', parent_id from organisations
      where id = (select organisation_id from memberships m join users u on u.id = m.user_id where u.email = $1)
      returning id`,
    [CONTACT],
  );
  const establishmentB = created[0]!.id;
  // One after the other: a pg client runs one query at a time.
  const managerB = await userId("aide-soignant@vigie.test");
  const learnerB = await userId("secretaire@vigie.test");
  const managerA = await userId(CONTACT);
  await db!.query("update memberships set organisation_id = $1, role = 'manager', team_id = null where user_id = $2", [
    establishmentB,
    managerB,
  ]);
  await db!.query("update memberships set organisation_id = $1, team_id = null where user_id = $2", [
    establishmentB,
    learnerB,
  ]);
  await db!.query(
    `insert into user_second_factors (user_id, secret_sealed)
      select $1, secret_sealed from user_second_factors where user_id = $2 on conflict do nothing`,
    [managerB, managerA],
  );
  await db!.query(
    `insert into assignments (organisation_id, user_id, subject_type, subject_id, due_on)
      values ($1, $2, 'module', 'hameconnage', '2031-01-31')`,
    [establishmentB, learnerB],
  );

  // B's manager forges B's real form with A's assignment: not found, A's assignment stays.
  const phone = { baseURL: server!.url, viewport: { width: 360, height: 800 } };
  const contextB = await browser.newContext(phone);
  await signInViaApi(contextB.request, "aide-soignant@vigie.test");
  const pageB = await contextB.newPage();
  await pageB.goto(`/etablissement/apprenants/${learnerB}`);
  const ownOfB = pageB.getByRole("region", { name: "Affectations" }).getByRole("listitem");
  await expect(ownOfB).toContainText("affectation individuelle");
  await forgeValue(ownOfB.locator('input[name="assignmentId"]'), assignmentOfA!);
  await ownOfB.getByRole("button", { name: /^Retirer/ }).click();
  await expect(pageB.getByText("Cette affectation est introuvable parmi celles de vos établissements")).toBeVisible();
  expect(await personalAssignment(LEARNER)).toBe(assignmentOfA);
  expect(await personalAssignment("secretaire@vigie.test")).toBeDefined();
  await contextB.close();

  // A's manager, on a phone: the assignment is marked as the person's own and removed, once.
  const contextA = await browser.newContext(phone);
  await signInViaApi(contextA.request, CONTACT);
  const pageA = await contextA.newPage();
  await pageA.goto(`/etablissement/apprenants/${await userId(LEARNER)}`);
  const region = pageA.getByRole("region", { name: "Affectations" });
  const own = region.getByRole("listitem").filter({ hasText: "— affectation individuelle" });
  await expect(own).toHaveCount(1);
  await expectNoAxeViolations(pageA);
  await expectNoHorizontalScroll(pageA);
  await own.getByRole("button", { name: /^Retirer/ }).focus();
  await pageA.keyboard.press("Enter");
  // The line gives way to the message (`own` no longer matches it).
  await expect(
    region.getByRole("status").filter({ hasText: "L'affectation individuelle a été retirée." }),
  ).toBeVisible();
  await expect(own).toHaveCount(0);
  await expectNoAxeViolations(pageA);
  expect(await personalAssignment(LEARNER)).toBeUndefined();
  const { rows: logged } = await db!.query<{ target_id: string; actor_user_id: string }>(
    "select target_id, actor_user_id from audit_log where action = 'personal_assignment.removed'",
  );
  expect(logged).toEqual([{ target_id: await userId(LEARNER), actor_user_id: managerA }]);
  await pageA.reload();
  await expect(region.getByRole("button", { name: /^Retirer/ })).toHaveCount(0);
  await contextA.close();
});
