import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import Provider from "oidc-provider";

/** A place of practice, as Pro Santé Connect names it (unknown numbers are empty strings there). */
export type TestActivity = { finessSite?: string; finessLegalEntity?: string; siret?: string; name?: string };

/**
 * A person the test provider knows; `login` is what they type on its sign-in page. `activities`
 * become userinfo's SubjectRefPro.exercices[].activities[], in Pro Santé Connect's shape.
 */
export type TestPerson = {
  login: string;
  givenName: string;
  familyName: string;
  email: string;
  emailVerified?: boolean;
  activities?: TestActivity[];
};

/** SubjectRefPro as Pro Santé Connect's userinfo gives it (the fields Vigie reads, and a few around them). */
export function subjectRefPro(person: TestPerson): Record<string, unknown> {
  return {
    codeCivilite: "MME",
    exercices: [
      {
        codeProfession: "60",
        codeCategorieProfessionnelle: "C",
        nomDExercice: person.familyName,
        prenomDExercice: person.givenName,
        activities: (person.activities ?? []).map((activity) => ({
          codeModeExercice: "S",
          numeroFinessSite: activity.finessSite ?? "",
          numeroFinessetablissementJuridique: activity.finessLegalEntity ?? "",
          numeroSiretSite: activity.siret ?? "",
          numeroSirenSite: activity.siret?.slice(0, 9) ?? "",
          identifiantTechniqueDeLaStructure: `R10000${activity.siret ?? activity.finessSite ?? "0"}`,
          raisonSocialeSite: activity.name ?? "",
        })),
      },
    ],
  };
}

export type TestIdentityProviderOptions = {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  people: TestPerson[];
};

export type TestIdentityProvider = { issuer: string; close: () => Promise<void> };

/** Pro Santé Connect's non-standard discovery path; the standard one answers 404 here. */
export const WALLET_DISCOVERY_PATH = "/.well-known/wallet-openid-configuration";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);

  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on loopback, set up like Pro Santé
 * Connect: discovery at /.well-known/wallet-openid-configuration, a `scope_all` scope whose
 * claims (SubjectNameID, SubjectRefPro, names, e-mail) come from userinfo only, acr `eidas1`, PKCE required,
 * `iss` in the authorization response. Its own login and consent pages stand in for the wallet.
 */
export async function startTestIdentityProvider(options: TestIdentityProviderOptions): Promise<TestIdentityProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const people = new Map(options.people.map((person) => [person.login, person]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    scopes: ["openid", "scope_all"],
    claims: {
      openid: ["sub"],
      scope_all: ["SubjectNameID", "SubjectRefPro", "given_name", "family_name", "email", "email_verified"],
    },
    acrValues: ["eidas1"],
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ["vigie-test-identity-provider-cookie-key"] },
    async findAccount(_context: unknown, accountId: string) {
      const person = people.get(accountId);
      if (!person) return undefined;
      return {
        accountId,
        claims: async () => ({
          sub: accountId,
          SubjectNameID: `8${accountId}`,
          SubjectRefPro: subjectRefPro(person),
          given_name: person.givenName,
          family_name: person.familyName,
          email: person.email,
          email_verified: person.emailVerified ?? true,
        }),
      };
    },
  });
  const callback = provider.callback();

  async function interaction(
    request: IncomingMessage,
    response: ServerResponse,
    uid: string,
    action: string | undefined,
  ): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    if (request.method === "GET") {
      response.setHeader("content-type", "text/html; charset=utf-8");
      if (details.prompt.name === "login") {
        response.end(
          page(
            "Identification",
            `<form method="post" action="/interaction/${escapeHtml(uid)}/login"><label for="login">Identifiant e-CPS</label> <input id="login" name="login" autocomplete="username"> <button type="submit">S'identifier</button></form>`,
          ),
        );
      } else {
        response.end(
          page(
            "Autorisation",
            `<p>Vigie demande votre identité.</p><form method="post" action="/interaction/${escapeHtml(uid)}/confirm"><button type="submit">Autoriser</button></form>`,
          ),
        );
      }
      return;
    }
    if (action === "login") {
      const login = (await formBody(request)).get("login") ?? "";
      if (!people.has(login)) {
        response.statusCode = 400;
        response.setHeader("content-type", "text/html; charset=utf-8");
        response.end(page("Identification", "<p>Identifiant inconnu.</p>"));
        return;
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: login, acr: "eidas1" } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const { prompt, params, session, grantId } = details;
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(" "));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    await provider.interactionFinished(
      request,
      response,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      response.statusCode = 404;
      response.end();
      return;
    }
    if (url.pathname === WALLET_DISCOVERY_PATH) request.url = "/.well-known/openid-configuration";
    const match = /^\/interaction\/([^/]+)(?:\/(login|confirm))?$/.exec(url.pathname);
    if (match) {
      interaction(request, response, match[1]!, match[2]).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    callback(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
