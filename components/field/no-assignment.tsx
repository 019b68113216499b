export function NoAssignment() {
  return (
    <section className="crew-empty" aria-labelledby="no-assignment-title" data-testid="field-no-assignment">
      <h2 className="crew-empty__title" id="no-assignment-title">
        No assignment — stand by
      </h2>
      <p>A new job appears here, with a tone, as soon as the control room dispatches your unit.</p>
    </section>
  );
}
