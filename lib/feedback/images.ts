/**
 * Screenshots attached to feedback: checked before any work (type, size, count), then scaled in the page
 * so the longest side is at most 1,600 px and encoded as WebP (JPEG where the browser can't encode WebP).
 */

import { FEEDBACK_LIMITS, type FeedbackImageData, IMAGE_TYPES } from '@/lib/feedback/types';

export type ImageRefusal = 'notImage' | 'tooLarge' | 'tooMany';

/** Why a file can't be attached, or null. `count` is how many images the draft already holds. */
export function checkImageFile(file: { type: string; size: number }, count: number): ImageRefusal | null {
  if (count >= FEEDBACK_LIMITS.images) return 'tooMany';
  if (!file.type.startsWith('image/')) return 'notImage';
  if (file.size > FEEDBACK_LIMITS.imageBytes) return 'tooLarge';
  return null;
}

/** The size that fits `side` on the longest edge, never enlarging. */
export function fitWithin(width: number, height: number, side: number = FEEDBACK_LIMITS.imageSide) {
  const scale = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes, scales and re-encodes one image in the browser. Throws when the file can't be decoded. */
export async function downscaleImage(file: Blob): Promise<FeedbackImageData> {
  const bitmap = await createImageBitmap(file);
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas');
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    let blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
    // Browsers that can't encode WebP fall back to PNG; JPEG is smaller for screenshots with photos.
    if (blob.type !== 'image/webp') blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return { type: blob.type as FeedbackImageData['type'], dataUrl: await blobToDataUrl(blob), ...size };
  } finally {
    bitmap.close();
  }
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Decodes a base64 data URL of one of the accepted types; null for anything else. */
export function dataUrlToBytes(dataUrl: string): { type: FeedbackImageData['type']; bytes: Uint8Array } | null {
  const match = /^data:(image\/(?:webp|jpeg|png));base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!match || !(IMAGE_TYPES as readonly string[]).includes(match[1])) return null;
  const binary = atob(match[2]);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { type: match[1] as FeedbackImageData['type'], bytes };
}

export function bytesToDataUrl(type: string, bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

export function extensionOf(type: string): string {
  return type === 'image/jpeg' ? 'jpg' : type === 'image/png' ? 'png' : 'webp';
}
