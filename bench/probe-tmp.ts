import { signIn, startServer } from "./support/bench-server";
import { httpRequest } from "./support/http-client";
import { randomUUID } from "node:crypto";
(async () => {
  const server = await startServer(3212, { DATABASE_URL: process.env.DATABASE_URL! });
  const cookie = await signIn(server.url, "infirmiere@vigie.test", "vigie-demo-2026");
  const session = JSON.parse((await httpRequest(server.url + "/api/auth/session", { headers: { cookie } })).body);
  const t = performance.now();
  for (let i = 0; i < 300; i++) {
    const r = await httpRequest(server.url + "/api/progress/events", { method: "POST", headers: { "content-type": "application/json", origin: server.url, cookie }, body: JSON.stringify({ events: [{ eventId: randomUUID(), learnerId: session.user.id, moduleId: "cles-usb", moduleVersion: 1, kind: "step_viewed", stepId: "le-risque", occurredAt: new Date().toISOString(), activeSeconds: 1 }] }) });
    if (r.status !== 200) console.log(r.status, r.body);
  }
  console.log("per request", ((performance.now() - t) / 300).toFixed(2));
  await server.stop();
})();
