import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_components/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "managerCertificates",
        "teams",
        "rosterImport",
        "sso",
        "joinCodes",
        "reminders",
        "phishingExercises",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
