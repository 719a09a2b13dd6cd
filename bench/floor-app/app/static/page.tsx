export default function StaticPage() {
  return <p>Rendu à la construction.</p>;
}
