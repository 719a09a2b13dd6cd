import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisationSso } from "@/db/schema";
import { createOrganisation } from "@/db/seed/factories";
import { encryptClientSecret } from "@/lib/sso/client-secret-crypto";
import { completeSso } from "@/lib/sso/complete-sso";
import { findSsoEstablishment } from "@/lib/sso/find-sso-establishment";
import { type SsoIdentity, linkSsoIdentity } from "@/lib/sso/link-sso-identity";
import { startSso } from "@/lib/sso/start-sso";
import { type TestDb, createTestDb } from "../support/db";
import { freePort } from "../support/free-port";
import { passIdentityProvider } from "../support/pass-identity-provider";
import {
  type TestIdentityProvider,
  WALLET_DISCOVERY_PATH,
  startTestIdentityProvider,
} from "../support/test-identity-provider";

// The whole code flow against the real oidc-provider, set up as Pro Santé Connect (SubjectNameID
// and SubjectRefPro in userinfo only): L5 and the structure rule of M6 of the December 2026 review.
const CLIENT_ID = "vigie-psc";
const CLIENT_SECRET = "secret-du-test-psc";
const FINESS_SITE = "130000001";
const REDIRECT_URI = "http://localhost:3999/api/sso/retour-test";
let testDb: TestDb;
let idp: TestIdentityProvider;
let centreId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  idp = await startTestIdentityProvider({
    port: await freePort(),
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    people: [
      {
        login: "infirmiere",
        givenName: "Léa",
        familyName: "Rousseau-Ngô",
        email: "lea@exemple.test",
        activities: [{ finessSite: FINESS_SITE, finessLegalEntity: "130000002", name: "CH des Calanques" }],
      },
      {
        login: "ailleurs",
        givenName: "Marc",
        familyName: "Aubert",
        email: "marc@exemple.test",
        activities: [{ finessSite: "750000001", siret: "12345678900011" }],
      },
      { login: "liberal", givenName: "Inès", familyName: "Da Silva", email: "ines@exemple.test" },
    ],
  });
});

afterAll(async () => {
  await idp?.close();
  await testDb?.close();
});

async function establishment(isProSanteConnect: boolean) {
  const organisation = await createOrganisation(testDb.db, { parentId: centreId });
  await testDb.db.insert(organisationSso).values({
    organisationId: organisation.id,
    displayName: "Pro Santé Connect",
    issuer: idp.issuer,
    clientId: CLIENT_ID,
    clientSecretEncrypted: encryptClientSecret(CLIENT_SECRET),
    discoveryPath: WALLET_DISCOVERY_PATH,
    scopes: "openid scope_all",
    acrValues: "eidas1",
    isProSanteConnect,
    accountCreation: isProSanteConnect ? "psc_structure" : "none",
    structureIds: [FINESS_SITE],
  });

  return organisation;
}

/** Signs `login` in at the provider through the establishment's settings, as the callback route does. */
async function signInAs(slug: string, login: string): Promise<SsoIdentity> {
  const started = await startSso(testDb.db, { slug, redirectUri: REDIRECT_URI, returnTo: "/" });
  if (!started.ok) throw new Error(`start: ${started.error}`);
  const callbackUrl = await passIdentityProvider(started.authorizationUrl, REDIRECT_URI, login);
  const settings = (await findSsoEstablishment(testDb.db, slug))!;
  const completed = await completeSso({
    settings: { ...settings, clientSecret: settings.clientSecret! },
    transaction: started.transaction,
    callbackUrl,
    redirectUri: REDIRECT_URI,
  });
  if (!completed.ok) throw new Error(`complete: ${completed.error} ${completed.detail}`);

  return completed.identity;
}

describe("a provider marked as Pro Santé Connect", () => {
  it("takes SubjectNameID as the subject and reads the structures of SubjectRefPro", async () => {
    const { slug } = await establishment(true);

    expect(await signInAs(slug, "infirmiere")).toMatchObject({
      subject: "8infirmiere",
      structureIds: [FINESS_SITE, "130000002"],
      email: "lea@exemple.test",
    });
    expect(await signInAs(slug, "liberal")).toMatchObject({ subject: "8liberal", structureIds: [] });
  });

  it("creates an account for a professional of the establishment's structure and refuses the others", async () => {
    const { id, slug } = await establishment(true);

    const member = await linkSsoIdentity(testDb.db, {
      organisationId: id,
      identity: await signInAs(slug, "infirmiere"),
    });
    expect(member).toMatchObject({
      status: "signed_in",
      how: "created",
      user: { name: "Léa Rousseau-Ngô", email: null },
    });
    expect(
      await linkSsoIdentity(testDb.db, { organisationId: id, identity: await signInAs(slug, "ailleurs") }),
    ).toEqual({ status: "refused", reason: "no_account" });
    expect(await linkSsoIdentity(testDb.db, { organisationId: id, identity: await signInAs(slug, "liberal") })).toEqual(
      { status: "refused", reason: "no_account" },
    );
  });
});

describe("a provider not marked as Pro Santé Connect (L5)", () => {
  it("keeps the ID token's sub as the subject and ignores SubjectNameID and SubjectRefPro", async () => {
    const { slug, id } = await establishment(false);

    expect(await signInAs(slug, "infirmiere")).toMatchObject({ subject: "infirmiere", structureIds: [] });
    const [row] = await testDb.db.select().from(organisationSso).where(eq(organisationSso.organisationId, id));
    expect(row!.isProSanteConnect).toBe(false);
  });
});
