import type { Page } from "@playwright/test";
import { DEMO_ESTABLISHMENT_SLUG } from "@/db/seed/demo";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { E2E_BASE_URL, E2E_PORT } from "../../support/e2e-server";
import {
  type TestIdentityProvider,
  WALLET_DISCOVERY_PATH,
  startTestIdentityProvider,
} from "../../support/test-identity-provider";
import { expect, expectCatalogueLoaded, passSecondFactorViaApi, signInViaApi, test } from "../fixtures";
import { pressButton, tabTo } from "../player/keyboard";

const SETTINGS_PATH = "/etablissement/connexion-sso";
const CALLBACK_URL = `${E2E_BASE_URL}/api/sso/${DEMO_ESTABLISHMENT_SLUG}/retour`;
const CLIENT_ID = "vigie-e2e";
const CLIENT_SECRET = `secret-${Date.now()}-ne-doit-jamais-etre-affiche`;
const PROVIDER_NAME = "Pro Santé Connect (test)";
const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? E2E_PORT + 1);
// The demo establishment's FINESS as the manager enters it; the new staff member practises there.
const FINESS = "130000001";
let idp: TestIdentityProvider;
let login: string;
let outsiderLogin: string;
let takeoverLogin: string;
let managerLogin: string;
let strangerLogin: string;

test.describe.configure({ mode: "serial" });
// Each test goes through the provider's pages several times: give them the time of a loaded machine.
test.beforeEach(() => {
  test.slow();
});

test.beforeAll(async ({}, testInfo) => {
  login = `agent-${testInfo.project.name}-${Date.now()}`;
  outsiderLogin = `centre-${testInfo.project.name}-${Date.now()}`;
  takeoverLogin = `usurpateur-${testInfo.project.name}-${Date.now()}`;
  managerLogin = `rssi-${testInfo.project.name}-${Date.now()}`;
  strangerLogin = `ailleurs-${testInfo.project.name}-${Date.now()}`;
  idp = await startTestIdentityProvider({
    port: IDP_PORT,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: CALLBACK_URL,
    people: [
      {
        login,
        givenName: "Léa",
        familyName: "Rousseau-Ngô",
        email: `${login}@ch-calanques.test`,
        activities: [{ finessSite: FINESS, name: "EHPAD Les Calanques" }],
      },
      // The platform admin's address: a Vigie account that is not a member of the establishment.
      { login: outsiderLogin, givenName: "Alain", familyName: "Fabre", email: "admin@vigie.test" },
      // Whoever runs the provider can make it assert any address, here the establishment's manager's (C1).
      {
        login: takeoverLogin,
        givenName: "Mallory",
        familyName: "Usurpatrice",
        email: "rssi@vigie.test",
        activities: [{ finessSite: FINESS }],
      },
      // A health professional of another structure, unknown to Vigie.
      {
        login: strangerLogin,
        givenName: "Marc",
        familyName: "Aubert",
        email: `${strangerLogin}@ailleurs.test`,
        activities: [{ finessSite: "750000001" }],
      },
      // The manager's own identity at the provider, which she links from "Mon compte".
      {
        login: managerLogin,
        givenName: "Sophie",
        familyName: "Marchand",
        email: `${managerLogin}@ch-calanques.test`,
        activities: [{ finessSite: FINESS }],
      },
    ],
  });
});

test.afterAll(async () => {
  await idp?.close();
});

/** At the provider: identify and consent when it asks, until it sends the browser back to Vigie. */
async function passProvider(page: Page, as = login): Promise<void> {
  for (let step = 0; step < 3; step++) {
    await page.waitForURL((url) => url.origin === E2E_BASE_URL || url.pathname.startsWith("/interaction/"));
    if (new URL(page.url()).origin === E2E_BASE_URL) return;
    const identify = page.getByLabel("Identifiant e-CPS");
    const consent = page.getByRole("button", { name: "Autoriser" });
    await expect(identify.or(consent)).toBeVisible();
    if (await identify.isVisible()) {
      await identify.fill(as);
      await page.getByRole("button", { name: "S'identifier" }).click();
    } else {
      await consent.click();
    }
  }
}

/**
 * The signed-in person's data export, through the page's cookies. `Connection: close`: a kept-alive
 * socket that the server closes while idle would otherwise reset the next request now and then.
 */
function myData(page: Page) {
  return page.request.get("/api/mes-donnees", { headers: { connection: "close" } });
}

async function myAccountId(page: Page): Promise<string> {
  const response = await myData(page);
  expect(response.status()).toBe(200);

  return ((await response.json()) as { account: { id: string } }).account.id;
}

test("a manager sets up the establishment's provider; the secret is never shown back and discovery works", async ({
  page,
  browserErrors,
}) => {
  await signInViaApi(page.request, "rssi@vigie.test");
  await page.goto(SETTINGS_PATH);

  await expect(
    page.getByRole("heading", { level: 1, name: "Connexion par le compte de l'établissement (SSO)" }),
  ).toBeVisible();
  await expect(page.getByTestId("sso-callback-url")).toHaveText(CALLBACK_URL);
  await page.getByLabel("Nom affiché", { exact: true }).fill(PROVIDER_NAME);
  await page.getByLabel("Émetteur (issuer)", { exact: true }).fill("http://idp.example.org");
  await page.getByLabel("Identifiant client (client_id)", { exact: true }).fill(CLIENT_ID);
  await page.getByLabel("Secret client (client_secret)", { exact: true }).fill(CLIENT_SECRET);
  await page.getByLabel("Chemin de découverte (facultatif)", { exact: true }).fill(WALLET_DISCOVERY_PATH);
  await page.getByLabel("Scopes", { exact: true }).fill("openid scope_all");
  await page.getByLabel("Niveau d'authentification exigé (acr_values, facultatif)", { exact: true }).fill("eidas1");
  await page.getByLabel("Ce fournisseur est Pro Santé Connect").check();
  await expect(page.getByLabel(/^Personne\s: les comptes viennent d'une invitation/)).toBeChecked();
  await page.getByLabel(/^Pro Santé Connect\s: les professionnels/).check();
  await page.getByLabel("Structures de l'établissement (FINESS ou SIRET)").fill(FINESS);
  // Only the regional centre sets the e-mail domains this provider is trusted for.
  await expect(page.getByText("Domaines de messagerie autorisés (fixés par le centre régional) : aucun")).toBeVisible();
  await expect(page.getByLabel("Domaines de messagerie autorisés")).toHaveCount(0);
  await page.getByLabel("Activer la connexion par ce fournisseur").check();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("L'émetteur doit être en https://", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Émetteur (issuer)", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Émetteur (issuer)", { exact: true }).fill(idp.issuer);
  await page.getByLabel("Secret client (client_secret)", { exact: true }).fill(CLIENT_SECRET);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("La configuration est enregistrée.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Activée : les agents peuvent se connecter avec « ${PROVIDER_NAME} ».`)).toBeVisible();
  await expect(page.getByLabel("Secret client (client_secret)", { exact: true })).toHaveValue("");
  await expect(page.getByText("Un secret est enregistré (il n'est jamais affiché).", { exact: false })).toBeVisible();
  expect(await page.content()).not.toContain(CLIENT_SECRET);

  await pressButton(page, page.getByRole("button", { name: "Tester la découverte" }));
  await expect(page.getByText(`Découverte réussie : émetteur ${idp.issuer}`, { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  expect(browserErrors.list()).toEqual([]);
});

test("a new staff member who practises in the establishment signs in through the provider, lands as a learner, and is the same user the next time", async ({
  page,
}) => {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Se connecter avec le compte de votre établissement" }).click();
  await page.getByLabel("Rechercher un établissement").fill("Calanques");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole("link", { name: /Calanques/ }).click();
  await expect(page).toHaveURL(new RegExp(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}$`));
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` }).click();
  await passProvider(page);
  await expectCatalogueLoaded(page);
  await expect(page.getByRole("heading", { level: 1, name: "Mes modules" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Connecté : Léa Rousseau-Ngô" })).toBeVisible();
  const firstId = await myAccountId(page);
  const data = (await (await myData(page)).json()) as {
    memberships: { role: string }[];
    account: { email: string | null };
  };
  expect(data.memberships.map((m) => m.role)).toEqual(["learner"]);
  // No e-mail domain is allowed for this provider: the address it asserts is not kept.
  expect(data.account.email).toBeNull();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
  expect((await myData(page)).status()).toBe(401);

  // Again, from the direct link an intranet would give, with the keyboard alone.
  await page.goto(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}`);
  const go = page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` });
  await tabTo(page, go);
  await page.keyboard.press("Enter");
  await passProvider(page);
  await expectCatalogueLoaded(page);
  expect(await myAccountId(page)).toBe(firstId);
});

test("a forged or replayed callback is refused and signs nobody in", async ({ page }) => {
  await page.goto(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}`);
  await page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/interaction/"));

  // Forged: a state this browser never sent.
  await page.goto(
    `/api/sso/${DEMO_ESTABLISHMENT_SLUG}/retour?code=forged&state=forged&iss=${encodeURIComponent(idp.issuer)}`,
  );
  await expect(page).toHaveURL(new RegExp(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}\\?erreur=expire$`));
  await expect(page.getByRole("alert").filter({ hasText: "La demande de connexion" })).toHaveText(
    "La demande de connexion a expiré ou n'est pas valide. Recommencez.",
  );
  expect((await myData(page)).status()).toBe(401);

  // Replayed: a real callback, used once, then sent again.
  let callback = "";
  page.on("request", (request) => {
    if (request.url().startsWith(CALLBACK_URL)) callback = request.url();
  });
  await page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` }).click();
  await passProvider(page);
  await expectCatalogueLoaded(page);
  expect(callback).toContain("code=");
  await page.context().clearCookies();
  await page.goto(callback);
  await expect(page.getByRole("alert").filter({ hasText: "La demande de connexion" })).toHaveText(
    "La demande de connexion a expiré ou n'est pas valide. Recommencez.",
  );
  expect((await myData(page)).status()).toBe(401);
});

test("refusals say why: an account of another establishment, an insufficient authentication level", async ({
  page,
}) => {
  const refusal = page.getByRole("alert").filter({ hasText: "établissement" });
  await page.goto(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}`);
  await page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` }).click();
  await passProvider(page, outsiderLogin);
  await expect(page).toHaveURL(/erreur=autre-etablissement$/);
  await expect(refusal).toHaveText(/^Ce compte existe déjà dans un autre établissement/);
  expect((await myData(page)).status()).toBe(401);

  const manager = await page.context().browser()!.newPage();
  await signInViaApi(manager.request, "rssi@vigie.test");
  await manager.goto(SETTINGS_PATH);
  await manager.getByLabel("Niveau d'authentification exigé (acr_values, facultatif)", { exact: true }).fill("eidas2");
  await manager.getByRole("button", { name: "Enregistrer" }).click();
  await expect(manager.getByText("La configuration est enregistrée.")).toBeVisible();

  await page.context().clearCookies();
  await page.goto(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}`);
  await page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` }).click();
  await passProvider(page);
  await expect(page).toHaveURL(/erreur=niveau$/);
  await expect(
    page.getByText("Votre moyen d'identification n'offre pas le niveau de sécurité demandé", { exact: false }),
  ).toBeVisible();
  expect((await myData(page)).status()).toBe(401);

  await manager.getByLabel("Niveau d'authentification exigé (acr_values, facultatif)", { exact: true }).fill("eidas1");
  await manager.getByRole("button", { name: "Enregistrer" }).click();
  await expect(manager.getByText("La configuration est enregistrée.")).toBeVisible();
  await manager.close();
});

test("the provider cannot take over the manager's account by asserting her e-mail, and a professional of another structure does not enrol", async ({
  page,
}) => {
  await page.goto(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}`);
  await page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` }).click();
  await passProvider(page, takeoverLogin);
  await expect(page).toHaveURL(/erreur=compte-existant$/);
  await expect(page.getByRole("alert").filter({ hasText: "Un compte Vigie existe déjà" })).toContainText(
    "liez votre compte depuis « Mon compte »",
  );
  expect((await myData(page)).status()).toBe(401);

  // Signed out at the provider too, so that it asks who is there.
  await page.context().clearCookies();
  await page.goto(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}`);
  await page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` }).click();
  await passProvider(page, strangerLogin);
  await expect(page).toHaveURL(/erreur=sans-compte$/);
  await expect(page.getByRole("alert").filter({ hasText: "Aucun compte Vigie" })).toBeVisible();
  expect((await myData(page)).status()).toBe(401);
});

test("the manager links her provider identity from Mon compte, then signs in with it", async ({
  page,
  browserErrors,
}) => {
  await signInViaApi(page.request, "rssi@vigie.test");
  await page.goto("/mon-compte");
  const linkButton = page.getByRole("link", { name: `Lier mon compte ${PROVIDER_NAME}` });
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // The start of a link needs the request sealed for this session: a link from elsewhere is refused.
  await page.goto(`/api/sso/${DEMO_ESTABLISHMENT_SLUG}/demarrer?lier=forged`);
  await expect(page).toHaveURL(/\/mon-compte\?sso=expire$/);
  await expect(page.getByRole("alert").filter({ hasText: "La demande de liaison" })).toBeVisible();

  await tabTo(page, linkButton);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname.startsWith("/interaction/"));
  await passProvider(page, managerLogin);
  await expect(page).toHaveURL(/\/mon-compte\?sso=lie$/);
  // The confirmation, not the name section's "Votre compte est lié au compte de votre établissement".
  await expect(page.getByText("Votre compte est lié : vous pourrez désormais", { exact: false })).toBeVisible();
  await expect(
    page.getByText(`${PROVIDER_NAME} (Centre hospitalier des Calanques (démo)) : compte lié`, { exact: false }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const managerId = await myAccountId(page);

  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
  await page.goto(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}`);
  await page.getByRole("link", { name: `Se connecter avec ${PROVIDER_NAME}` }).click();
  await page.waitForURL(
    (url) =>
      url.pathname.startsWith("/interaction/") ||
      (url.origin === E2E_BASE_URL && !url.pathname.startsWith("/connexion/")),
  );
  await passProvider(page, managerLogin);
  // A manager: the provider's sign-in is followed by her second factor.
  await passSecondFactorViaApi(page.request, "rssi@vigie.test");
  expect(await myAccountId(page)).toBe(managerId);

  // Unlinking (she keeps her password and e-mail): asked to confirm, then done, and offered again.
  await page.goto("/mon-compte");
  const unlink = page.getByRole("button", { name: `Délier ${PROVIDER_NAME}` });
  await unlink.click();
  await expect(page).toHaveURL(/\/mon-compte\?sso=confirmer$/);
  await page.getByRole("checkbox", { name: `Je ne veux plus me connecter avec ${PROVIDER_NAME}` }).check();
  await page.getByRole("button", { name: `Délier ${PROVIDER_NAME}` }).click();
  await expect(page).toHaveURL(/\/mon-compte\?sso=delie$/);
  await expect(page.getByText("Ce fournisseur n'est plus lié à votre compte", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: `Lier mon compte ${PROVIDER_NAME}` })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(browserErrors.list()).toEqual([]);
});

test("once the manager turns it off, the establishment is no longer offered and its sign-in is refused; then the settings are removed", async ({
  page,
}) => {
  await signInViaApi(page.request, "rssi@vigie.test");
  await page.goto(SETTINGS_PATH);
  await page.getByLabel("Activer la connexion par ce fournisseur").uncheck();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("La configuration est enregistrée.")).toBeVisible();
  await expect(page.getByText("Désactivée : la configuration est gardée", { exact: false })).toBeVisible();

  const visitor = await page.context().browser()!.newPage();
  await visitor.goto("/connexion/etablissement?recherche=Calanques");
  await expect(visitor.getByText("Aucun établissement trouvé.")).toBeVisible();
  await visitor.goto(`/api/sso/${DEMO_ESTABLISHMENT_SLUG}/demarrer`);
  await expect(visitor).toHaveURL(
    new RegExp(`/connexion/etablissement/${DEMO_ESTABLISHMENT_SLUG}\\?erreur=indisponible$`),
  );
  await expect(
    visitor.getByRole("heading", { level: 1, name: "Connexion par l'établissement indisponible" }),
  ).toBeVisible();
  await visitor.close();

  await page.getByLabel("Je confirme la suppression").check();
  await page.getByRole("button", { name: "Supprimer la configuration" }).click();
  await expect(page.getByText("La connexion par le compte de l'établissement n'est pas configurée.")).toBeVisible();
});

test("anyone but a manager or admin of the establishment gets the 404 page and cannot change the settings", async ({
  page,
  learnerEmail,
  expectHttpErrors,
}) => {
  expectHttpErrors(new RegExp(`${SETTINGS_PATH}$`), 404);
  await signInViaApi(page.request, learnerEmail);
  const response = await page.goto(SETTINGS_PATH);

  expect(response?.status()).toBe(404);
  await expect(page.getByText(CLIENT_ID)).toHaveCount(0);
});
