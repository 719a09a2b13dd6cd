import { unzipSync } from "fflate";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";
import { pressButton, tickCheckbox } from "../player/keyboard";

const MANAGER = "rssi@vigie.test";
const SUBJECT = "Rappel : votre sensibilisation à la cybersécurité";

// The seed (db/seed/e2e-reminders.ts) puts, per project, a late learner and one who completed
// the module in a team whose assignment is long past due.
test.describe("reminders and the certificates ZIP", () => {
  test("a manager reminds a late learner with the keyboard; the mail reaches the late learner only, once", async ({
    page,
  }, testInfo) => {
    const group = testInfo.project.name;
    const [late, done] = [`relance-late-${group}@vigie.test`, `relance-done-${group}@vigie.test`];
    await signInViaApi(page.request, MANAGER);
    await page.goto(`/etablissement/apprenants?q=${encodeURIComponent(`-${group}@`)}`);
    const lateRow = page.getByRole("row").filter({ hasText: late });
    const doneRow = page.getByRole("row").filter({ hasText: done });
    await expect(lateRow.getByRole("cell", { name: "En retard", exact: true })).toBeVisible();
    await expect(doneRow.getByRole("cell", { name: "Terminé", exact: true })).toBeVisible();
    await expect(doneRow.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Relancer tous les apprenants en retard \(\d+\)$/ })).toBeVisible();

    const box = lateRow.getByRole("checkbox", { name: `Sélectionner Relance en retard ${group}` });
    await tickCheckbox(page, box);
    await pressButton(page, page.getByRole("button", { name: "Relancer les apprenants cochés" }));
    const question = page.getByText(/^Envoyer un e-mail de relance à 1 apprenant\s\?/);
    await expect(question).toBeFocused();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    // A phone browser widens its layout viewport to fit what overflows: it must stay at 360 px.
    if (group === "phone") expect(await page.evaluate(() => window.innerWidth)).toBe(360);
    await pressButton(page, page.getByRole("button", { name: "Confirmer l'envoi" }));
    await expect(page.getByRole("status").filter({ hasText: "1 relance envoyée ; aucune non envoyée" })).toBeVisible();

    // At once again: the interval (7 days by default) holds it back.
    await expect(box).not.toBeChecked();
    await tickCheckbox(page, box);
    await pressButton(page, page.getByRole("button", { name: "Relancer les apprenants cochés" }));
    await pressButton(page, page.getByRole("button", { name: "Confirmer l'envoi" }));
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: "Aucune relance envoyée ; 1 non envoyée (déjà relancés il y a moins de 7 jours : 1" }),
    ).toBeVisible();

    await page.goto("/boite-mail");
    const toLate = page.getByRole("listitem").filter({ hasText: `À ${late}` });
    await expect(toLate).toHaveCount(1);
    await expect(toLate.getByRole("link", { name: SUBJECT })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: `À ${done}` })).toHaveCount(0);
    await toLate.getByRole("link", { name: SUBJECT }).click();
    await expect(
      page.getByText("« Attention aux clés USB » — à terminer avant le 15/01/2025 (en retard)"),
    ).toBeVisible();
    await expect(page.getByText("Centre hospitalier des Calanques (démo) vous rappelle")).toBeVisible();
    await expect(page.getByRole("link", { name: /\/modules$/ })).toBeVisible();

    await page.goto("/etablissement/relances");
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: `Relance en retard ${group}` })
        .first(),
    ).toContainText("Manuelle");
  });

  test("a manager changes the reminder settings; a bad value gets a clear message", async ({ page }) => {
    await signInViaApi(page.request, MANAGER);
    await page.goto("/etablissement/relances");
    await expect(page.getByRole("heading", { level: 1, name: "Relances" })).toBeVisible();
    const interval = page.getByLabel("Intervalle minimal entre deux relances d'un même apprenant (jours)");
    await interval.fill("0");
    await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await expect(page.getByText("Indiquez un nombre de jours entre 1 et 90.")).toBeVisible();
    await expect(interval).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    await interval.fill("7");
    await page.getByLabel("Relancer avant l'échéance (jours)").fill("5");
    await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Réglages enregistrés." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Relancer avant l'échéance (jours)")).toHaveValue("5");
    await expect(page.getByLabel("Envoyer les relances automatiques")).not.toBeChecked();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test("a manager downloads the certificates ZIP: the PDFs and the index", async ({ page, browser }, testInfo) => {
    const group = testInfo.project.name;
    // The learner who completed opens "Mes certificats", which issues the certificate.
    const learnerContext = await browser.newContext();
    await signInViaApi(learnerContext.request, `relance-done-${group}@vigie.test`);
    expect((await learnerContext.request.get("/mes-certificats")).status()).toBe(200);
    await learnerContext.close();

    await signInViaApi(page.request, MANAGER);
    await page.goto("/etablissement/certificats");
    await page.getByLabel("Module ou parcours").selectOption({ label: "Module : Attention aux clés USB" });
    await expectNoAxeViolations(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Télécharger le ZIP des certificats" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^certificats-\d{4}-\d{2}-\d{2}\.zip$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    const index = new TextDecoder("utf-8", { ignoreBOM: true }).decode(files["index-certificats.csv"]);
    const rows = index.slice(1).split("\r\n").filter(Boolean);
    const pdfs = Object.keys(files).filter((name) => name.endsWith(".pdf"));

    expect(rows[0]).toMatch(/^Titulaire;Module ou parcours;/);
    expect(pdfs.length).toBe(rows.length - 1);
    const mine = rows.find((row) => row.startsWith(`Relance terminé ${group};Attention aux clés USB;Module;`));
    expect(mine, "the learner's certificate is in the index").toBeTruthy();
    const file = mine!.split(";").at(-1)!;
    expect(file).toMatch(new RegExp(`^Relance-termine-${group}_cles-usb_[0-9A-Z]{26}\\.pdf$`));
    expect(Buffer.from(files[file]!).subarray(0, 5).toString()).toBe("%PDF-");

    // A learner asking for the ZIP or the reminders page gets 404.
    const other = await browser.newContext();
    await signInViaApi(other.request, "infirmiere@vigie.test");
    expect((await other.request.get("/etablissement/certificats/archive")).status()).toBe(404);
    expect((await other.request.get("/etablissement/relances")).status()).toBe(404);
    await other.close();
  });
});
