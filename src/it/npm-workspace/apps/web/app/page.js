import { greet, humanize } from '@acme/shared';

// Rendered on every request, in the container.
export const dynamic = 'force-dynamic';

export default function Home() {
  return (
    <main>
      <h1>{greet('web')}</h1>
      <p>Humanized: {humanize(90000)}</p>
    </main>
  );
}
