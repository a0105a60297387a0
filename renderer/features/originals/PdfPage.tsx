import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedPdf } from './pdfPages';

/** A4's proportions, until the page says its own. */
const PORTRAIT = 842 / 595;

/**
 * One page of a PDF, drawn at the panel's width once it comes near the view
 * (a 300-page report is not drawn at once), at the screen's pixel density.
 */
export function PdfPage({ pdf, number }: { pdf: LoadedPdf; number: number }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [near, setNear] = useState(false);
  const [ratio, setRatio] = useState(PORTRAIT);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const watcher = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '400px 0px' },
    );
    watcher.observe(element);
    return () => watcher.disconnect();
  }, []);

  useEffect(() => {
    if (!near || !canvas.current || !holder.current) return;
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    const target = canvas.current;
    const width = holder.current.clientWidth || 400;
    void pdf.getPage(number).then(async (page) => {
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      setRatio(natural.height / natural.width);
      const density = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / natural.width) * density });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      task = page.render({ canvas: target, viewport });
      try {
        await task.promise;
        if (!cancelled) setDrawn(true);
      } catch {
        // Cancelled as the panel closed, or a page pdf.js cannot draw: its text is still imported.
      }
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [near, pdf, number]);

  return (
    <div
      ref={holder}
      className="pdf-page"
      style={{ aspectRatio: `1 / ${ratio}` }}
      data-page={number}
      data-drawn={drawn ? 'true' : undefined}
    >
      <canvas ref={canvas} role="img" aria-label={t('original.page', { page: number })} />
    </div>
  );
}
