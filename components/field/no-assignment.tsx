import styles from "./crew-empty.module.css";

export function NoAssignment() {
  return (
    <section className={styles.empty} aria-labelledby="no-assignment-title" data-testid="field-no-assignment">
      <h2 className={styles.title} id="no-assignment-title">
        No assignment — stand by
      </h2>
      <p>A new job appears here, with a tone, as soon as the control room dispatches your unit.</p>
    </section>
  );
}
