import styles from "./crew-empty.module.css";

export function NoUnit({ name }: { name: string }) {
  return (
    <section className={styles.empty} aria-labelledby="no-unit-title" data-testid="field-no-unit">
      <h1 className={styles.title} id="no-unit-title">
        You are not on a unit&apos;s crew
      </h1>
      <p>
        Signed in as <strong data-testid="field-crew-name">{name}</strong>. Ask a supervisor to add you to a unit; its assignments then show
        here.
      </p>
    </section>
  );
}
