// Protected media shown by URL: fetched with the token, then handed to the page as an object URL
// that is freed when the page is left.
import {blob} from './api.js';

export async function objectUrl(path, ctx) {
  const url = URL.createObjectURL(await blob(path, {signal: ctx.signal}));
  ctx.onLeave(() => URL.revokeObjectURL(url));
  return url;
}

/** Fills an <img> with a protected image; on failure the image keeps its alt text and is marked missing. */
export function loadImage(img, path, ctx) {
  objectUrl(path, ctx)
    .then((url) => { img.src = url; })
    .catch(() => { img.classList.add('missing'); });
  return img;
}
