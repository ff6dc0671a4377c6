// The finished video: a 9:16 player with the subtitles as a text track, and the download links.
// Files are fetched with the token and shown through object URLs (a <video src> cannot send it).
import {blob} from '../api.js';
import {h, replace, say} from '../dom.js';

const DOWNLOADS = [
  ['final.mp4', 'Video (MP4)'],
  ['subtitles.ass', 'Karaoke subtitles (ASS)'],
  ['subtitles.srt', 'Subtitles (SRT)'],
  ['subtitles.vtt', 'Subtitles (WebVTT)'],
  ['words.json', 'Word timings (JSON)'],
  ['script.json', 'Script (JSON)'],
];

export function resultView(videoPath, ctx) {
  const element = h('section', {class: 'result', 'aria-labelledby': 'result-heading', hidden: true});
  let shownFor = null; // updatedAt of the finished video whose files are shown
  let urls = [];
  const free = () => { urls.forEach((u) => URL.revokeObjectURL(u)); urls = []; };
  ctx.onLeave(free);

  async function show(video) {
    const marker = video.updatedAt || 'done';
    if (shownFor === marker) return;
    shownFor = marker;
    free();
    element.hidden = false;
    const status = h('div', {class: 'message-slot'});
    replace(element, h('h2', {id: 'result-heading'}, 'Your video'), status);
    say(status, 'info', 'Loading the video…');
    try {
      const files = await Promise.all(DOWNLOADS.map(([name]) => blob(`${videoPath}/files/${name}`, {signal: ctx.signal})));
      if (shownFor !== marker) return;
      urls = files.map((f) => URL.createObjectURL(f));
      const url = (name) => urls[DOWNLOADS.findIndex(([n]) => n === name)];
      const lang = video.language || 'en';
      const player = h('video', {class: 'player', controls: true, playsinline: true, preload: 'auto', src: url('final.mp4'),
        'aria-label': `Final video: ${video.script?.title || video.theme}`},
      h('track', {kind: 'subtitles', src: url('subtitles.vtt'), srclang: lang, label: lang === 'fr' ? 'Français' : 'English', default: true}));
      replace(element, h('h2', {id: 'result-heading'}, 'Your video'),
        h('div', {class: 'result-body'},
          h('div', {class: 'player-frame'}, player),
          h('div', {class: 'downloads'},
            h('h3', {}, 'Downloads'),
            h('ul', {}, DOWNLOADS.map(([name, label]) => h('li', {},
              h('a', {class: 'button secondary download', href: url(name), download: name, 'data-file': name}, label)))))));
    } catch (e) {
      if (e.name !== 'AbortError') say(status, 'error', `The finished files could not be loaded: ${e.message}`);
    }
  }

  function update(video) {
    if (video.status === 'completed') {
      show(video);
    } else if (shownFor !== null) { // regenerating: the old files are gone
      shownFor = null;
      free();
      element.hidden = true;
      replace(element);
    }
  }

  return {element, update};
}
