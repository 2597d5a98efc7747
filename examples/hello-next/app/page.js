import Counter from './counter';

// Rendered on every request, so that GREETING comes from the container's environment.
export const dynamic = 'force-dynamic';

export default function Home() {
  return (
    <main>
      <h1>Hello, {process.env.GREETING ?? 'Next.js'}</h1>
      <Counter />
    </main>
  );
}
