// Vigie's own proxy (a nonce and the Content-Security-Policy that names it, on every page), so
// that the floor pays for exactly what Vigie's pages pay for; the matcher is this app's.
export { proxy } from "../../proxy";

export const config = { matcher: ["/((?!api|_next/static).*)"] };
