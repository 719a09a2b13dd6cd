import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";
import { completeModule, courseModule } from "../player/content";

const module = courseModule("cles-usb");

test.describe("certificates", () => {
  test("a learner downloads the certificate on finishing; its QR link says genuine, then revoked once the manager revokes it", async ({
    learnerPage: page,
    learnerEmail,
    browser,
  }) => {
    test.slow(); // a whole module, then four people in turn
    await page.goto(`/modules/${module.id}`);
    await completeModule(page, module);

    await expect(page.getByRole("heading", { name: "Vous avez terminé ? Téléchargez votre certificat" })).toBeVisible();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger mon certificat (PDF)" }).click();
    const download = await downloading;
    const bytes = new Uint8Array(Buffer.concat(await streamToChunks(await download.createReadStream())));
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const name = learnerEmail.replace(/^e2e-(\w+)-(\d+)@.*$/, "Apprenant $1 $2");
    expect(text).toContain(name);
    expect(text).toContain(module.title);
    const url = /https?:\/\/\S+\/certificat\/[0-9A-Z]{26}/.exec(text)?.[0];
    expect(url, "the verification URL printed under the QR code").toBeTruthy();

    // Following the QR code's URL, without signing in.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(url!);
    await expect(visitor.getByRole("heading", { name: "Certificat authentique" })).toBeVisible();
    await expect(visitor.getByText(name)).toBeVisible();
    await expect(visitor.getByText("Centre hospitalier des Calanques (démo)")).toBeVisible();
    await expectNoAxeViolations(visitor);

    // The certificate is on "Mes certificats", and another learner cannot download it.
    await page.goto("/mes-certificats");
    const code = url!.split("/").at(-1)!;
    await expect(page.getByText(`Code de vérification : ${code}`)).toBeVisible();
    await expectNoAxeViolations(page);
    const other = await browser.newContext();
    await signInViaApi(other.request, "infirmiere@vigie.test");
    expect((await other.request.get(`/api/certificats/${code}/pdf`)).status()).toBe(404);
    await other.close();

    // The manager revokes it; the verification page says so.
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInViaApi(manager.request, "rssi@vigie.test");
    await manager.goto("/etablissement/certificats");
    // The list is searched by code (or name, or subject).
    await manager.getByRole("searchbox", { name: "Rechercher un certificat" }).fill(code.slice(3, 12).toLowerCase());
    await manager.getByRole("button", { name: "Rechercher" }).click();
    await expect(manager.getByText("1 certificat correspond à")).toBeVisible();
    await expectNoAxeViolations(manager);
    const card = manager.getByRole("listitem").filter({ hasText: code });
    await card.getByRole("textbox").fill("Délivré à la mauvaise personne");
    await card.getByRole("checkbox", { name: /Afficher ce motif/ }).check();
    // Without the confirmation, the browser keeps the form and nothing is revoked.
    await card.getByRole("button", { name: /Révoquer/ }).click();
    await expect(card.getByText(/Révoqué le/)).toHaveCount(0);
    await card.getByRole("checkbox", { name: /Je confirme la révocation/ }).check();
    await card.getByRole("button", { name: /Révoquer/ }).click();
    await expect(card.getByText(/Révoqué le .*\s: Délivré à la mauvaise personne/)).toBeVisible();
    await managerContext.close();

    await visitor.reload();
    await expect(visitor.getByRole("heading", { name: "Certificat révoqué" })).toBeVisible();
    await expect(visitor.getByText("Motif indiqué par l'établissement : Délivré à la mauvaise personne")).toBeVisible();
    await visitorContext.close();

    // The learner's copy still downloads, marked across the page, never as if valid.
    await page.goto("/mes-certificats");
    const revokedPdf = await page.request.get(`/api/certificats/${code}/pdf`);
    expect(revokedPdf.status()).toBe(200);
    const revokedText = (
      await extractText(await getDocumentProxy(new Uint8Array(await revokedPdf.body())), { mergePages: true })
    ).text;
    expect(revokedText).toContain("RÉVOQUÉ");
    expect(revokedText).toMatch(/Révoqué le \d/);
    await expect(page.getByRole("link", { name: /Télécharger le PDF \(marqué « révoqué »\)/ })).toBeVisible();
  });

  test("an unknown or malformed code gets the same not found, and the page is not indexed", async ({
    page,
    expectHttpErrors,
  }) => {
    expectHttpErrors(/\/certificat\/(AAAAAAAAAAAAAAAAAAAAAAAAAA|pas-un-code|%3Cscript%3E)$/, 404);
    for (const code of ["AAAAAAAAAAAAAAAAAAAAAAAAAA", "pas-un-code", "%3Cscript%3E"]) {
      const response = await page.goto(`/certificat/${code}`);
      expect(response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
      await expect(page.getByRole("heading", { name: "Certificat introuvable" })).toBeVisible();
      await expect(page).toHaveTitle("Certificat introuvable — Vigie");
    }
    // A 404 now: Next.js adds its own noindex beside the page's; every robots tag says noindex.
    for (const meta of await page.locator('meta[name="robots"]').all())
      await expect(meta).toHaveAttribute("content", /noindex/);
    await expect(page.locator('meta[name="robots"]')).not.toHaveCount(0);
  });

  test("a learner who has not finished a module gets no certificate for it", async ({ learnerPage: page }) => {
    await page.goto(`/modules/${module.id}/certificat`);

    await expect(page).toHaveURL(/\/mes-certificats$/);
    await expect(page.getByText("Vous n'avez pas encore de certificat.")).toBeVisible();
  });
});

async function streamToChunks(stream: NodeJS.ReadableStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));

  return chunks;
}
