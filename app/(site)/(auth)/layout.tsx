import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_components/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["signIn", "join", "secondFactor"]}>{children}</ClientMessages>;
}
