import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { DEMO_INCIDENT_CONTACT } from "@/db/seed/demo";
import { incidentGuidance } from "@/lib/incident/incident-guidance";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, forgeValue, signInViaApi, test } from "../fixtures";
import { tabTo } from "../player/keyboard";

const guidance = incidentGuidance.fr;
const MANAGER_EMAIL = "rssi@vigie.test";
const FORM_PATH = "/etablissement/contact-incident";

async function printedPageCount(page: Page): Promise<number> {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });

  return (await PDFDocument.load(pdf)).getPageCount();
}

/** Fills the manager's form and sends it; the caller checks what the page answers. */
async function submitContact(page: Page, contact: { name: string; phone: string; email: string }): Promise<void> {
  await page.getByLabel("Nom du contact", { exact: true }).fill(contact.name);
  await page.getByLabel("Téléphone", { exact: true }).fill(contact.phone);
  await page.getByLabel("Adresse e-mail", { exact: true }).fill(contact.email);
  await page.getByRole("button", { name: "Enregistrer" }).click();
}

async function signInAs(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signInViaApi(page.request, email);
}

test.describe("incident page", () => {
  test("is reached from the home page with the keyboard alone and gives the steps, the contacts and what not to do", async ({
    page,
    browserErrors,
  }) => {
    await page.goto("/");
    await tabTo(
      page,
      page
        .getByRole("navigation", { name: "Navigation principale" })
        .getByRole("link", { name: "Signaler un incident" }),
    );
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/signaler-un-incident$/);
    await expect(page.getByRole("heading", { level: 1, name: "Signaler un incident" })).toBeVisible();
    await expect(
      page.getByText(
        "Contactez le RSSI (responsable de la sécurité des systèmes d'information) ou le service informatique de votre établissement.",
        { exact: false },
      ),
    ).toBeVisible();

    const todos = page.getByRole("region", { name: "À votre poste : ce que vous faites" }).getByRole("listitem");
    await expect(todos).toHaveCount(guidance.todos.length);
    await expect(todos.first()).toContainText("appareil biomédical en service sur un patient");

    const steps = page
      .getByRole("region", { name: "Pour la direction et le RSSI : les démarches" })
      .getByRole("listitem");
    await expect(steps).toHaveCount(4);
    for (const [index, step] of guidance.steps.entries()) await expect(steps.nth(index)).toContainText(step.title);
    await expect(steps.nth(1)).toContainText("décret n° 2022-715");
    await expect(steps.nth(1)).toContainText("significatifs ou graves");
    await expect(
      steps.nth(1).getByRole("link", { name: "Portail de signalement des événements sanitaires indésirables" }),
    ).toHaveAttribute("href", "https://signalement.social-sante.gouv.fr/");
    await expect(steps.nth(2)).toContainText("CNIL");
    await expect(steps.nth(3)).toContainText("72 heures après la découverte");
    await expect(steps.nth(3).getByRole("link")).toHaveAttribute("href", "https://www.masecurite.interieur.gouv.fr");

    const help = page.getByRole("region", { name: "Qui peut vous aider ?" });
    await expect(help.getByRole("heading", { name: "CERT Santé" })).toBeVisible();
    await expect(help.getByRole("link", { name: "09 72 43 91 25" })).toHaveAttribute("href", "tel:+33972439125");
    await expect(help).toContainText("24 h/24, 7 j/7");
    await expect(help.getByRole("link", { name: "17cyber.gouv.fr" })).toHaveAttribute(
      "href",
      "https://17cyber.gouv.fr",
    );
    await expect(help.getByRole("link", { name: "cyberveille@esante.gouv.fr" })).toHaveAttribute(
      "href",
      "mailto:cyberveille@esante.gouv.fr",
    );
    await expect(help.getByRole("heading", { name: "Centre régional de ressources en cybersécurité" })).toBeVisible();

    const donts = page.getByRole("region", { name: "À votre poste : ce qu'il ne faut pas faire" });
    for (const dont of guidance.donts) await expect(donts).toContainText(dont.title);

    await expect(page.getByRole("link", { name: "« Cyber-incident : les bons réflexes »" })).toHaveAttribute(
      "href",
      "/modules/cyber-incident",
    );
    await expect(page.getByRole("button", { name: "Imprimer la fiche réflexe" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page);
    expect(browserErrors.list()).toEqual([]);
  });

  test("prints as a one-page A4 sheet without the header, the footer or the buttons", async ({ page }) => {
    await page.goto("/signaler-un-incident");

    expect(await printedPageCount(page)).toBe(1);
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    await expect(page.getByRole("button", { name: "Imprimer la fiche réflexe" })).toBeHidden();
    await expect(page.getByRole("link", { name: "09 72 43 91 25" })).toBeVisible();
  });

  test("is in English once the visitor switches language", async ({ page }) => {
    await page.goto("/signaler-un-incident");
    await page.getByRole("button", { name: "Switch to English" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Report an incident" })).toBeVisible();
    const steps = page
      .getByRole("region", { name: "For the management and the CISO: the formal steps" })
      .getByRole("listitem");
    for (const [index, step] of incidentGuidance.en.steps.entries())
      await expect(steps.nth(index)).toContainText(step.title);
    await expect(page.getByRole("button", { name: "Print the quick-reaction sheet" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("shows a signed-in learner their establishment's RSSI first, and still prints on one page", async ({
    learnerPage: page,
  }) => {
    await page.goto("/signaler-un-incident");

    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(
      `Votre RSSI : ${DEMO_INCIDENT_CONTACT.name}`,
    );
    const rssi = page.getByRole("region", { name: `Votre RSSI : ${DEMO_INCIDENT_CONTACT.name}` });
    await expect(rssi).toContainText("Centre hospitalier des Calanques (démo)");
    await expect(rssi.getByRole("link", { name: DEMO_INCIDENT_CONTACT.phone })).toHaveAttribute(
      "href",
      "tel:+33465712026",
    );
    await expect(rssi.getByRole("link", { name: DEMO_INCIDENT_CONTACT.email })).toHaveAttribute(
      "href",
      `mailto:${DEMO_INCIDENT_CONTACT.email}`,
    );
    await expectNoAxeViolations(page);
    expect(await printedPageCount(page)).toBe(1);
  });
});

test.describe("incident contact form", () => {
  test("lets the manager change the contact, which learners then see", async ({ page, learnerEmail }) => {
    const replacement = {
      name: "Jean-Baptiste Nguyễn, RSSI adjoint",
      phone: "+33 4 65 71 99 01",
      email: "rssi-adjoint@vigie.test",
    };
    await signInAs(page, MANAGER_EMAIL);
    await page.goto(FORM_PATH);
    await expect(page.getByRole("heading", { level: 1, name: "Contact en cas d'incident" })).toBeVisible();
    await expect(page.getByLabel("Nom du contact", { exact: true })).toHaveValue(DEMO_INCIDENT_CONTACT.name);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    try {
      await submitContact(page, { name: "C", phone: "12 34", email: "pas-une-adresse" });
      await expect(page.getByText("Corrigez les champs signalés.")).toBeVisible();
      const phone = page.getByLabel("Téléphone", { exact: true });
      await expect(phone).toHaveAttribute("aria-invalid", "true");
      await expect(phone).toHaveAccessibleDescription(/Saisissez un numéro de téléphone français/);
      await expect(page.getByLabel("Nom du contact", { exact: true })).toHaveAccessibleDescription(
        /au moins 2 caractères/,
      );
      await expect(page.getByLabel("Adresse e-mail", { exact: true })).toHaveAccessibleDescription(
        /adresse e-mail valide/,
      );
      await expect(page.getByLabel("Nom du contact", { exact: true })).toHaveValue("C");
      await expectNoAxeViolations(page);

      await submitContact(page, replacement);
      await expect(page.getByRole("status").filter({ hasText: "Contact enregistré." })).toBeVisible();
      await expect(page.getByLabel("Téléphone", { exact: true })).not.toHaveAttribute("aria-invalid", "true");

      await signInAs(page, learnerEmail);
      await page.goto("/signaler-un-incident");
      const rssi = page.getByRole("region", { name: `Votre RSSI : ${replacement.name}` });
      await expect(rssi.getByRole("link", { name: replacement.phone })).toHaveAttribute("href", "tel:+33465719901");
      await expect(rssi.getByRole("link", { name: replacement.email })).toHaveAttribute(
        "href",
        `mailto:${replacement.email}`,
      );
    } finally {
      // Other tests read the demo contact: put it back whatever happened above.
      await signInAs(page, MANAGER_EMAIL);
      await page.goto(FORM_PATH);
      await submitContact(page, DEMO_INCIDENT_CONTACT);
      await expect(page.getByRole("status").filter({ hasText: "Contact enregistré." })).toBeVisible();
    }
  });

  test("tells the manager what is wrong in English when the interface is in English", async ({ page }) => {
    await signInAs(page, MANAGER_EMAIL);
    await page.goto(FORM_PATH);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Incident contact" })).toBeVisible();

    await page.getByLabel("Contact name", { exact: true }).fill("C");
    await page.getByLabel("Phone", { exact: true }).fill("12 34");
    await page.getByLabel("E-mail address", { exact: true }).fill("pas-une-adresse");
    await page.getByRole("button", { name: "Save" }).click();

    await expect(page.getByText("Correct the fields marked.")).toBeVisible();
    await expect(page.getByLabel("Contact name", { exact: true })).toHaveAccessibleDescription(
      /The name must be at least 2 characters long\./,
    );
    await expect(page.getByLabel("Phone", { exact: true })).toHaveAccessibleDescription(
      /Enter a French phone number, such as 04 91 00 00 00/,
    );
    await expect(page.getByLabel("E-mail address", { exact: true })).toHaveAccessibleDescription(
      /Enter a valid e-mail address, such as rssi@etablissement\.fr\./,
    );
  });

  test("refuses a form sent for another establishment and changes nothing", async ({ page, repeatViewport }) => {
    test.skip(repeatViewport, "the server's answer is the same on every viewport: once per run");
    await signInAs(page, MANAGER_EMAIL);
    await page.goto(FORM_PATH);
    await forgeValue(page.locator('input[name="organisationId"]'), "00000000-0000-4000-8000-000000000000");

    await submitContact(page, { name: "Mallory", phone: "06 00 00 00 00", email: "mallory@evil.test" });

    await expect(page.getByText("Page ou ressource introuvable.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Nom du contact", { exact: true })).toHaveValue(DEMO_INCIDENT_CONTACT.name);
  });

  test("gives a learner the 404 page", async ({ learnerPage: page, expectHttpErrors }) => {
    expectHttpErrors(new RegExp(`${FORM_PATH}$`), 404);
    const response = await page.goto(FORM_PATH);

    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.getByLabel("Nom du contact", { exact: true })).toHaveCount(0);
  });

  test("sends a visitor who is not signed in to the sign-in page", async ({ page }) => {
    await page.goto(FORM_PATH);

    await expect(page).toHaveURL(/\/connexion\?retour=%2Fetablissement%2Fcontact-incident$/);
  });
});
