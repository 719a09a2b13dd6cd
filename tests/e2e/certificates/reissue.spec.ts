import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, test } from "../fixtures";
import { completeModule, courseModule } from "../player/content";
import { seededName, typeName } from "../account/names";

/** Issue 17: a certificate issued under a misspelt name is re-issued under the corrected one, and the old code says replaced. */

const module = courseModule("cles-usb");

test.describe("re-issuing a certificate", () => {
  test("a learner corrects their name, has the certificate re-issued under it, and the old code says replaced", async ({
    learnerPage: page,
    learnerEmail,
    browser,
  }) => {
    test.slow(); // a whole module, then the account, the certificates and the public pages
    const oldName = seededName(learnerEmail);
    const newName = `${oldName} Lefèvre-Nguyễn`;
    await page.goto(`/modules/${module.id}`);
    await completeModule(page, module);
    await expect(page.getByRole("heading", { name: "Vous avez terminé ? Téléchargez votre certificat" })).toBeVisible();
    await page.goto("/mes-certificats");
    const card = page.getByRole("listitem").filter({ hasText: module.title });
    const oldCode = /Code de vérification\s:\s([0-9A-Z]{26})/.exec((await card.textContent()) ?? "")![1]!;
    await expect(card.getByRole("button", { name: /Rééditer/ })).toHaveCount(0);

    await page.goto("/mon-compte");
    await typeName(page, newName);
    await expect(page.getByText(`Le nom est corrigé : « ${newName} ».`)).toBeVisible();

    // "Mes certificats" offers the re-issue of the certificate under the old name, sent by the keyboard.
    await page.goto("/mes-certificats");
    await expect(card.getByText(`Ce certificat porte l'ancien nom « ${oldName} ».`)).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const reissue = card.getByRole("button", { name: `Rééditer à mon nom actuel — ${module.title}` });
    await reissue.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(`Le certificat « ${module.title} » a été réédité à votre nom actuel`)).toBeVisible();
    const newCode = /Code de vérification\s:\s([0-9A-Z]{26})/.exec((await card.textContent()) ?? "")![1]!;
    expect(newCode).not.toBe(oldCode);
    await expect(page.getByText(oldCode)).toHaveCount(0);
    await expect(card.getByRole("button", { name: /Rééditer/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The old code's PDF leads to the new one, under the corrected name.
    const pdf = await page.request.get(`/api/certificats/${oldCode}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.url()).toContain(`/api/certificats/${newCode}/pdf`);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
    expect(text).toContain(newName);
    expect(text).toContain(newCode);

    // Anyone following the old code's QR sees it replaced, and reaches the new one by the keyboard.
    const visitorContext = await browser.newContext({ viewport: page.viewportSize() });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/certificat/${oldCode}`);
    await expect(visitor.getByRole("heading", { name: "Certificat remplacé" })).toBeVisible();
    await expect(visitor.getByText(oldName, { exact: true })).toBeVisible();
    await expectNoAxeViolations(visitor);
    await expectNoHorizontalScroll(visitor);
    await visitor.getByRole("link", { name: "Voir le certificat qui le remplace" }).focus();
    await visitor.keyboard.press("Enter");
    await expect(visitor).toHaveURL(new RegExp(`/certificat/${newCode}$`));
    await expect(visitor.getByRole("heading", { name: "Certificat authentique" })).toBeVisible();
    await expect(visitor.getByText(newName, { exact: true })).toBeVisible();
    await visitorContext.close();
  });
});
