/**
 * Mounts its children once the placeholder comes near the viewport, and keeps them mounted after. A page of
 * ten strat cards would otherwise build ten grids in one go (each grid's first layout is a long task).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function WhenVisible({
  minHeight,
  children,
  testId,
}: {
  /** Height the placeholder holds, so the page does not jump when the content arrives. */
  minHeight: number;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (shown || !el) return;
    // Without IntersectionObserver (old test hosts) there is nothing to wait for.
    if (typeof IntersectionObserver === 'undefined') return setShown(true);
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(true);
      },
      { rootMargin: '200px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [shown]);
  return (
    <div ref={ref} style={shown ? undefined : { minHeight }} data-testid={testId}>
      {shown ? children : null}
    </div>
  );
}
