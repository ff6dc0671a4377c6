// Protected media by URL. <img>, <video>, <track> and download links cannot send the Authorization
// header, so the service accepts the token as ?access_token= on GET requests (docs/service.md).
// Only these media URLs carry it; every other call sends the header.
import {session} from './api.js';

export function authorizedUrl(path) {
  const url = path.startsWith('/api/') ? path : `/api/v1${path}`;
  return `${url}${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(session.token() || '')}`;
}

/** Points an <img> at a protected image; if it cannot load it keeps its alt text and is marked missing. */
export function loadImage(img, path) {
  img.addEventListener('error', () => img.classList.add('missing'), {once: true});
  img.src = authorizedUrl(path);
  return img;
}
