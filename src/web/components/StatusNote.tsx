/** A polite live region for confirmations such as "Saved". */
export function StatusNote({ message }: { message: string }) {
  return (
    <p className="status-note" role="status">
      {message}
    </p>
  );
}
