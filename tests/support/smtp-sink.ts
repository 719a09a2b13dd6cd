import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; text: string };
export type SmtpSink = {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Connections opened so far, and open now. */
  connections: { opened: number; open: number };
  /** Messages whose data arrived but that the sink has not accepted yet (see hold). */
  held: () => number;
  /** Holds every message at the end of its data, as a slow relay would, until the returned function is called. */
  hold: () => () => void;
  close: () => Promise<void>;
};

/**
 * A real SMTP server (npm smtp-server) on 127.0.0.1 and a free port, without TLS or auth, that
 * keeps every message it receives: its recipients and its raw text. No reverse DNS lookup per
 * connection (a relay on the same network would not wait for one either).
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const connections = { opened: 0, open: 0 };
  let gate: Promise<void> | null = null;
  let waiting = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      connections.opened++;
      connections.open++;
      callback();
    },
    onClose() {
      connections.open--;
    },
    onData(stream, session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      stream.on("end", () => {
        const accept = () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text });
          callback();
        };
        if (!gate) return accept();
        waiting++;
        void gate.then(() => {
          waiting--;
          accept();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    connections,
    held: () => waiting,
    hold: () => {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    // close() waits for open connections (a client's pooled, idle ones): two seconds at most.
    close: () =>
      Promise.race([
        new Promise<void>((resolve) => server.close(() => resolve())),
        new Promise<void>((resolve) => setTimeout(resolve, 2_000)),
      ]),
  };
}
