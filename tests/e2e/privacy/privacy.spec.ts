import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

test.describe("personal data", () => {
  test("a learner downloads all their data as JSON from their account page", async ({
    learnerPage: page,
    learnerEmail,
  }) => {
    await page.goto("/modules/cles-usb");
    await expect(page.getByText("Progression enregistrée")).toBeVisible();
    await page.getByRole("link", { name: /^Connecté :/ }).click();
    await expect(page.getByRole("heading", { name: "Mon compte" })).toBeVisible();
    await expectNoAxeViolations(page);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger mes données (JSON)" }).click();
    const download = await downloading;
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
    const data = JSON.parse(Buffer.concat(chunks).toString("utf8"));

    expect(download.suggestedFilename()).toMatch(/^vigie-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
    expect(data.account.email).toBe(learnerEmail);
    expect(data.learningEvents.some((e: { moduleId: string }) => e.moduleId === "cles-usb")).toBe(true);
  });

  test("a platform admin erases a learner, who is refused on their next request", async ({
    learnerPage: page,
    learnerEmail,
    browser,
    expectHttpErrors,
  }) => {
    // The catalogue is its shell: once erased, its state request is refused (401), then sign-in.
    expectHttpErrors(/\/api\/progress\/catalogue$/, 401);
    await page.goto("/modules");
    await expect(page.getByRole("link", { name: "Mes certificats" })).toBeVisible();

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInViaApi(admin.request, "admin@vigie.test");
    await admin.goto("/centre/personnes");
    await admin.getByLabel("Adresse e-mail ou identifiant de la personne").fill(learnerEmail);
    await admin.getByRole("button", { name: "Rechercher" }).click();
    await admin
      .getByLabel("Pour confirmer, recopiez l'adresse e-mail (ou l'identifiant) de la personne")
      .fill("pas-la-bonne@vigie.test");
    await admin.getByRole("button", { name: "Effacer les données personnelles" }).click();
    await expect(admin.getByText("Ce que vous avez recopié ne correspond pas.")).toBeVisible();
    await expectNoAxeViolations(admin);
    await admin
      .getByLabel("Pour confirmer, recopiez l'adresse e-mail (ou l'identifiant) de la personne")
      .fill(learnerEmail);
    await admin.getByRole("button", { name: "Effacer les données personnelles" }).click();
    await expect(admin.getByText("Les données personnelles ont été effacées.")).toBeVisible();
    await adminContext.close();

    await page.goto("/modules");
    await expect(page).toHaveURL(/\/connexion/);
  });

  test("a learner cannot open the erasure page", async ({ learnerPage: page, expectHttpErrors }) => {
    expectHttpErrors(/\/centre\/personnes$/, 404);
    const response = await page.goto("/centre/personnes");

    expect(response?.status()).toBe(404);
  });
});
