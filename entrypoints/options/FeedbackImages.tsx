import { useLayoutEffect, useState } from 'preact/hooks';

export interface ShownImage {
  key: string;
  dataUrl: string;
  width: number;
  height: number;
}

/**
 * A feedback item's screenshots as thumbnails; a click shows one full size in the page (Chromium refuses to open
 * data: URLs in a new tab), and a click or Esc closes it. Both inboxes, this browser's and the shop's, show them so.
 */
export function FeedbackImages({ images, label }: { images: readonly ShownImage[]; label: string }) {
  const [zoom, setZoom] = useState<string | null>(null);
  // A layout effect: Esc must work from the moment the lightbox is on screen, not a frame later.
  useLayoutEffect(() => {
    if (!zoom) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setZoom(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoom]);
  if (images.length === 0) return null;
  return (
    <>
      <div class="fb-images">
        {images.map((image, index) => (
          <button
            type="button"
            key={image.key}
            class="fb-image"
            aria-label={`${label} ${index + 1}`}
            onClick={() => setZoom(image.dataUrl)}
          >
            <img src={image.dataUrl} alt={`${label} ${index + 1}`} width={image.width} height={image.height} />
          </button>
        ))}
      </div>
      {zoom && (
        // biome-ignore lint/a11y/useKeyWithClickEvents: Esc closes it too (window listener above)
        <div class="fb-lightbox" role="dialog" aria-modal="true" aria-label={label} onClick={() => setZoom(null)}>
          <img src={zoom} alt={label} />
        </div>
      )}
    </>
  );
}
