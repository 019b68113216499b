import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import styles from "./map-status.module.css";

type TMapStatusProps = {
  /** What is still loading, or null when the map is usable. */
  loading: string | null;
  error: string | null;
  onRetry: () => void;
};

/** Centered loading / error card over the map while the city cannot be shown yet. */
export function MapStatus({ loading, error, onRetry }: TMapStatusProps) {
  if (error) {
    return (
      <div className={styles.status} role="alert">
        <div className={styles.card}>
          <p className={styles.title}>The city map could not be loaded</p>
          <p className={styles.detail}>{error}</p>
          <Button onClick={onRetry}>Try again</Button>
        </div>
      </div>
    );
  }
  if (!loading) return null;
  return (
    <div className={styles.status} role="status" aria-live="polite">
      <div className={styles.card}>
        <Spinner />
        <p className={styles.title}>{loading}</p>
      </div>
    </div>
  );
}
