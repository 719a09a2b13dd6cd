import type { GetServerSideProps } from "next";

type Props = { cookieCount: number };

export const getServerSideProps: GetServerSideProps<Props> = async ({ req }) => ({
  props: { cookieCount: Object.keys(req.cookies).length },
});

export default function ServerRenderedPage({ cookieCount }: Props) {
  return (
    <main>
      <p>Rendu à la demande, Pages Router ({cookieCount} cookies).</p>
    </main>
  );
}
