import { useCallback, useEffect, useState } from 'react';

/**
 * A pane's width in pixels, remembered on this computer: the researcher's
 * layout comes back with the next session. Kept within `min`–`max`.
 */
export function usePaneSize(
  key: string,
  fallback: number,
  min: number,
  max: number,
): [number, (width: number) => void] {
  const clamp = useCallback(
    (width: number) => Math.round(Math.min(max, Math.max(min, width))),
    [min, max],
  );
  const [width, setWidth] = useState(() => {
    const stored = Number(localStorage.getItem(`axial.pane.${key}`));
    return Number.isFinite(stored) && stored > 0 ? clamp(stored) : fallback;
  });
  const change = useCallback(
    (next: number) => {
      const clamped = clamp(next);
      localStorage.setItem(`axial.pane.${key}`, String(clamped));
      setWidth(clamped);
    },
    [clamp, key],
  );
  return [width, change];
}

/** A remembered yes/no of the layout (a pane folded away). */
export function useLayoutFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    const stored = localStorage.getItem(`axial.layout.${key}`);
    return stored === null ? fallback : stored === '1';
  });
  const change = useCallback(
    (next: boolean) => {
      localStorage.setItem(`axial.layout.${key}`, next ? '1' : '0');
      setValue(next);
    },
    [key],
  );
  return [value, change];
}

/** The window's width, following its resizing. */
export function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
