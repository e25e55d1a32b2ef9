/**
 * The inbox export: one zip with feedback.json (every item, its context, and the names of its images) and
 * the images under images/. Built in the options page with fflate (small, synchronous, no workers needed).
 */
import { strToU8, zipSync } from 'fflate';
import { dataUrlToBytes, extensionOf } from '@/lib/feedback/images';
import type { FeedbackItem } from '@/lib/feedback/types';

export function feedbackZip(items: FeedbackItem[], exportedAt: Date): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const json = items.map((item) => {
    const images = item.images.map((image, index) => {
      const name = `images/${item.id}-${index + 1}.${extensionOf(image.type)}`;
      const decoded = dataUrlToBytes(image.dataUrl);
      if (decoded) files[name] = decoded.bytes;
      return { file: name, type: image.type, width: image.width, height: image.height };
    });
    return {
      id: item.id,
      createdAt: new Date(item.createdAt).toISOString(),
      category: item.category,
      description: item.description,
      resolved: item.resolved,
      context: item.context,
      images,
    };
  });
  files['feedback.json'] = strToU8(
    JSON.stringify(
      { format: 'huashu-feedback', version: 1, exportedAt: exportedAt.toISOString(), items: json },
      null,
      2,
    ),
  );
  return zipSync(files, { level: 6, mtime: exportedAt });
}

export function zipFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `huashu-feedback-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.zip`;
}
