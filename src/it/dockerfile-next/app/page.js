import Counter from './counter';

// Rendered on every request, so that GREETING is read from the container's environment.
export const dynamic = 'force-dynamic';

export default function Home() {
  return (
    <main>
      <h1>Greeting: {process.env.GREETING ?? 'none'}</h1>
      <p>Secret seen: {process.env.SECRET_TOKEN ?? 'none'}</p>
      <Counter />
    </main>
  );
}
