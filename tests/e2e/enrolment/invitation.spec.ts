import { E2E_MATRIX, E2E_SECOND_ESTABLISHMENT } from "@/db/seed/e2e-establishments";
import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

const HOSPITAL = "Centre hospitalier des Calanques (démo)";
const EHPAD = E2E_SECOND_ESTABLISHMENT.name;
const BOM = "\uFEFF";

test.describe("invitations to existing accounts and the current establishment", () => {
  // Two people in two browsers, each step a server round trip: longer than one page's test.
  test.describe.configure({ timeout: 180_000 });

  test("a learner imported by another establishment is only invited, accepts from the mail's link, then switches establishment", async ({
    browser,
    learnerEmail,
    repeatViewport,
  }) => {
    test.skip(repeatViewport, "checks both layouts itself");
    const storedName = learnerEmail.replace(/^e2e-(\w+)-(\d+)@.*$/, "Apprenant $1 $2");

    // The EHPAD's manager imports the hospital learner's address under another name.
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInViaApi(manager.request, E2E_MATRIX.b.manager.email);
    await manager.goto("/etablissement/import");
    await manager.getByLabel("Fichier CSV du personnel").setInputFiles({
      name: "personnel.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${BOM}Nom;E-mail\r\nNom Inventé;${learnerEmail}\r\n`),
    });
    await manager.getByRole("button", { name: "Prévisualiser" }).click();
    await expect(
      manager.getByRole("cell", { name: "Compte existant : une invitation lui sera envoyée" }),
    ).toBeVisible();
    await expect(manager.getByText(storedName)).toHaveCount(0);
    await manager.getByRole("button", { name: "Importer" }).click();
    await expect(manager.getByText(/1 compte existant a reçu une invitation/)).toBeVisible();
    await expect(
      manager
        .getByRole("table", { name: "Invitations en attente de réponse" })
        .getByRole("cell", { name: learnerEmail, exact: true }),
    ).toBeVisible();
    await expect(manager.getByText(storedName)).toHaveCount(0);

    // The mail's link alone grants nothing: signed out, it leads to the sign-in page.
    const learnerContext = await browser.newContext();
    const learner = await learnerContext.newPage();
    await learner.goto("/boite-mail");
    await learner
      .getByRole("listitem")
      .filter({ hasText: learnerEmail })
      .filter({ hasText: `Invitation de ${EHPAD} sur Vigie` })
      .first()
      .getByRole("link")
      .click();
    const link = (await learner.locator(".mail-body a").first().getAttribute("href"))!;
    await learner.goto(link);
    await expect(learner).toHaveURL(/\/connexion\?retour=%2Finvitations/);

    // Signed in: nothing changed yet (one establishment, its own contact), one invitation waiting.
    await signInViaApi(learner.request, learnerEmail);
    await learner.goto("/signaler-un-incident");
    await expect(learner.getByRole("heading", { name: "Votre RSSI : Claire Martin" })).toBeVisible();
    await expect(learner.getByLabel("Établissement", { exact: true })).toHaveCount(0);
    await learner.getByRole("link", { name: "Mes invitations (1)" }).click();
    await expect(
      learner.getByText(`${EHPAD} vous invite à suivre sa formation à la sécurité numérique.`),
    ).toBeVisible();
    await expectNoAxeViolations(learner);

    await learner.getByRole("button", { name: `Accepter l'invitation de ${EHPAD}` }).click();
    await expect(learner.getByText(/Invitation acceptée/)).toBeVisible();
    await expect(learner.getByText("Aucune invitation en attente.")).toBeVisible();
    await manager.reload();
    await expect(manager.getByRole("cell", { name: learnerEmail, exact: true })).toHaveCount(0);

    // Still working for the hospital until they switch; the switcher is in the header.
    const switcher = learner.getByLabel("Établissement", { exact: true });
    await expect(switcher.locator("option:checked")).toHaveText(HOSPITAL);
    await learner.goto("/signaler-un-incident");
    await expect(learner.getByRole("heading", { name: "Votre RSSI : Claire Martin" })).toBeVisible();
    await expectNoAxeViolations(learner);

    // With the keyboard: focus the list, choose the EHPAD, submit.
    await switcher.focus();
    await switcher.selectOption({ label: EHPAD });
    await learner.keyboard.press("Tab");
    await expect(learner.getByRole("button", { name: "Changer" })).toBeFocused();
    await learner.keyboard.press("Enter");
    await expect(
      learner.getByRole("heading", { name: `Votre RSSI : ${E2E_MATRIX.b.incidentContact.name}` }),
    ).toBeVisible();
    await expect(switcher.locator("option:checked")).toHaveText(EHPAD);
    // The EHPAD's assignment (its whole staff, the path) is now theirs.
    await learner.goto("/modules");
    await expect(
      learner
        .getByRole("region", { name: "À faire pour votre établissement" })
        .getByRole("link", { name: /Les bonnes pratiques/ }),
    ).toBeVisible();

    await expectNoAxeViolations(learner);

    await learnerContext.close();
    await managerContext.close();
  });

  test("someone in several establishments who has not chosen is asked to choose, never given the first by name", async ({
    browser,
    learnerEmail,
    repeatViewport,
    expectHttpErrors,
  }) => {
    test.skip(repeatViewport, "the same answer on both viewports");
    // The catalogue is its shell: its state request asks to choose (409), and the page goes to the chooser.
    expectHttpErrors(/\/api\/progress\/catalogue$/, 409);
    // Made a member of the EHPAD through an accepted invitation, in a fresh browser (no choice kept).
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInViaApi(manager.request, E2E_MATRIX.b.manager.email);
    await manager.goto("/etablissement/import");
    await manager.getByLabel("Fichier CSV du personnel").setInputFiles({
      name: "personnel.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Nom;E-mail\r\nXavier Inconnu;${learnerEmail}\r\n`),
    });
    await manager.getByRole("button", { name: "Prévisualiser" }).click();
    await manager.getByRole("button", { name: "Importer" }).click();
    await expect(manager.getByText(/1 compte existant a reçu une invitation/)).toBeVisible();
    await managerContext.close();
    const first = await browser.newContext();
    const page = await first.newPage();
    await signInViaApi(page.request, learnerEmail);
    await page.goto("/invitations");
    await page.getByRole("button", { name: `Accepter l'invitation de ${EHPAD}` }).click();
    await expect(page.getByText(/Invitation acceptée/)).toBeVisible();
    await first.close();

    const second = await browser.newContext();
    const fresh = await second.newPage();
    await signInViaApi(fresh.request, learnerEmail);
    await fresh.goto("/modules");
    await expect(fresh).toHaveURL(/\/choisir-etablissement\?retour=%2Fmodules$/);
    await expect(fresh.getByRole("heading", { name: "Choisir votre établissement" })).toBeVisible();
    await expectNoAxeViolations(fresh);
    await fresh.goto("/signaler-un-incident");
    await expect(
      fresh.getByRole("link", { name: "Choisissez votre établissement pour voir ici son contact." }),
    ).toBeVisible();
    await expect(fresh.getByText("Votre RSSI")).toHaveCount(0);
    await fresh.getByRole("link", { name: "Choisissez votre établissement pour voir ici son contact." }).click();
    await fresh.getByRole("radio", { name: new RegExp(EHPAD.replace(/[()]/g, "\\$&")) }).check();
    await fresh.getByRole("button", { name: "Continuer" }).click();
    await expect(fresh).toHaveURL(/\/signaler-un-incident$/);
    await expect(
      fresh.getByRole("heading", { name: `Votre RSSI : ${E2E_MATRIX.b.incidentContact.name}` }),
    ).toBeVisible();
    await second.close();
  });
});
