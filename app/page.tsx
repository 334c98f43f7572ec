export default function BoardPage() {
  return (
    <main>
      <h1>confwatch</h1>
      <p>The live board arrives with the live pipeline.</p>
    </main>
  );
}
