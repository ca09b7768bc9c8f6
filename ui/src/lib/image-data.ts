// The data URLs of stored pictures, fetched once per picture id and shared by every screen
// (the opportunity gallery, the brief preview). A picture's bytes never change under its id;
// a removed picture is forgotten so that a reused id is fetched again.

import { opportunityImageData } from './api';

const cache = new Map<number, Promise<string>>();

/** Whether `url` is a picture inlined as a data URL (the CSP allows no other image source). */
export function isImageDataUrl(url: string): boolean {
  return /^data:image\/(png|jpeg);base64,/.test(url);
}

/** The data URL of picture `imageId`; a failed fetch is not kept, so a later call tries again. */
export function imageDataUrl(imageId: number): Promise<string> {
  let url = cache.get(imageId);
  if (!url) {
    const fetched = opportunityImageData(imageId);
    url = fetched;
    cache.set(imageId, fetched);
    fetched.catch(() => {
      if (cache.get(imageId) === fetched) cache.delete(imageId);
    });
  }
  return url;
}

/** Drops the cached data URL of a removed picture. */
export function forgetImageData(imageId: number): void {
  cache.delete(imageId);
}

/** Empties the cache (tests start from a clean slate). */
export function clearImageData(): void {
  cache.clear();
}
