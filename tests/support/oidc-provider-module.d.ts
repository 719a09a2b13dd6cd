// oidc-provider ships no types; the tests use a handful of its calls (see test-identity-provider.ts).
declare module "oidc-provider";
