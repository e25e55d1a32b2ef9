import { bytesToDataUrl } from '@/lib/feedback/images';

/** A Blob as a base64 data URL, without FileReader (absent in service workers' older runtimes and in Node). */
export async function blobToBase64DataUrl(blob: Blob, type: string): Promise<string> {
  return bytesToDataUrl(type, new Uint8Array(await blob.arrayBuffer()));
}
