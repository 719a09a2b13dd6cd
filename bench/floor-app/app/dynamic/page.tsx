import { cookies } from "next/headers";

export default async function DynamicPage() {
  const cookieCount = (await cookies()).size;

  return <p>Rendu à la demande ({cookieCount} cookies).</p>;
}
