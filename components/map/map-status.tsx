import { Button } from "@/components/ui/button";

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
      <div className="map-status" role="alert">
        <div className="map-status__card">
          <p className="map-status__title">The city map could not be loaded</p>
          <p className="map-status__detail">{error}</p>
          <Button onClick={onRetry}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  if (!loading) return null;
  return (
    <div className="map-status" role="status" aria-live="polite">
      <div className="map-status__card">
        <span className="spinner" aria-hidden="true" />
        <p className="map-status__title">{loading}</p>
      </div>
    </div>
  );
}
