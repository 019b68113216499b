function Logo() {
  return (
    <svg className="brand__mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="1.5" opacity="0.45" />
      <path d="M3 13h4l2.2-5 3.6 9 2.4-6 1.3 2H21" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Logo and product name, as in every header. */
export function Brand({ className }: { className?: string }) {
  return (
    <div className={`brand${className ? ` ${className}` : ""}`}>
      <Logo />
      <span className="brand__name">CityNerve</span>
    </div>
  );
}
