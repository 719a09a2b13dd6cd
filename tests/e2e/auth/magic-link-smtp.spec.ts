import { expect, expectCatalogueLoaded, test } from "../fixtures";
import { type OwnServer, startOwnServer } from "../../support/own-server";
import type { SmtpSink } from "../../support/smtp-sink";
import type { SpawnedServer } from "../../support/spawn-server";

let own: OwnServer<"pglite"> | undefined;
let smtp: SmtpSink | undefined;
let server: SpawnedServer;

test.beforeAll(async ({}, testInfo) => {
  // Skipped here rather than per test, so that the phone project starts no second server.
  test.skip(testInfo.project.name !== "desktop", "starts its own server and mail sink; once is enough");
  test.setTimeout(120_000);
  // Its own embedded database: the main test server holds its PGlite folder exclusively.
  own = await startOwnServer({ database: "pglite", name: "e2e-smtp", startTimeoutMs: 60_000 });
  ({ smtp, server } = own);
});

test.afterAll(async () => {
  await own?.stop();
});

test("sends a single-use magic link through SMTP, and hides the local mailbox", async ({ page }) => {
  const email = "infirmiere@vigie.test";
  await page.goto(`${server.url}/connexion`);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Recevoir un lien de connexion" }) });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Si un compte existe pour cette adresse, un lien de connexion vient d'être envoyé.",
  );

  await expect.poll(() => smtp!.received.filter((m) => m.to === email).length, { timeout: 10_000 }).toBe(1);
  // Quoted-printable wraps long lines with "=\r\n" and encodes "=" as "=3D".
  const body = smtp!.received[0]!.text.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const link = /http:\/\/localhost:\d+\/api\/auth\/callback\/nodemailer\?[^\s"<]+/
    .exec(body)![0]
    .replace(/&amp;/g, "&");
  await page.goto(link);
  await expect(page).toHaveURL(`${server.url}/modules`);
  await expectCatalogueLoaded(page);

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("alert").first()).toContainText("Ce lien de connexion a expiré ou a déjà servi.");
  expect((await page.request.get(`${server.url}/boite-mail`)).status()).toBe(404);
});

// Review M13: the link and reset answers must not wait for what only an existing account gets
// (the token, the SMTP round trip), or their time tells who has an account. The sink holds each
// message until released: the answer must come while it is still held.
test("answers a link or reset request for an existing account before the mail server has taken the message", async ({
  page,
}) => {
  const release = smtp!.hold();
  try {
    await page.goto(`${server.url}/connexion`);
    const form = page.locator("form", { has: page.getByRole("button", { name: "Recevoir un lien de connexion" }) });
    await form.getByLabel("Adresse e-mail").fill("aide-soignant@vigie.test");
    await form.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Si un compte existe pour cette adresse, un lien de connexion vient d'être envoyé.",
    );

    await page.goto(`${server.url}/mot-de-passe-oublie`);
    await page.getByLabel("Adresse e-mail").fill("secretaire@vigie.test");
    await page.getByRole("button", { name: /Recevoir un lien/ }).click();
    await expect(page.getByRole("status")).toContainText("Si un compte existe");
    expect(
      smtp!.received.filter((m) => ["aide-soignant@vigie.test", "secretaire@vigie.test"].includes(m.to)),
    ).toHaveLength(0);
  } finally {
    release();
  }
  // Once the relay takes them, both messages arrive: the work was deferred, not dropped.
  await expect
    .poll(
      () => smtp!.received.filter((m) => ["aide-soignant@vigie.test", "secretaire@vigie.test"].includes(m.to)).length,
      { timeout: 10_000 },
    )
    .toBe(2);
});
