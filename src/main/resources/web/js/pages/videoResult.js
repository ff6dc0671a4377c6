// The finished video: a 9:16 player with the subtitles as a text track, and the download links.
// The player streams final.mp4 (the service honours Range), so a long video starts at once.
import {h, replace, say} from '../dom.js';
import {authorizedUrl} from '../media.js';

const DOWNLOADS = [
  ['final.mp4', 'Video (MP4)'],
  ['subtitles.ass', 'Karaoke subtitles (ASS)'],
  ['subtitles.srt', 'Subtitles (SRT)'],
  ['subtitles.vtt', 'Subtitles (WebVTT)'],
  ['words.json', 'Word timings (JSON)'],
  ['script.json', 'Script (JSON)'],
];

export function resultView(videoPath) {
  const element = h('section', {class: 'result', 'aria-labelledby': 'result-heading', hidden: true});
  let shownFor = null; // updatedAt of the finished video that is shown

  function show(video) {
    const marker = video.updatedAt || 'done';
    if (shownFor === marker) return;
    shownFor = marker;
    // A new query string per finished run, so a regenerated video is not served from the cache.
    const url = (name) => `${authorizedUrl(`${videoPath}/files/${name}`)}&v=${encodeURIComponent(marker)}`;
    const lang = video.language || 'en';
    const problem = h('div', {class: 'message-slot'});
    const player = h('video', {class: 'player', controls: true, playsinline: true, preload: 'metadata', src: url('final.mp4'),
      'aria-label': `Final video: ${video.script?.title || video.theme}`},
    // The captions are burnt into the picture; the text track is there to switch on (larger text, screen readers).
    h('track', {kind: 'subtitles', src: url('subtitles.vtt'), srclang: lang, label: lang === 'fr' ? 'Français' : 'English'}));
    player.addEventListener('error', () => say(problem, 'error', 'The video could not be loaded. Try the MP4 download.'));
    element.hidden = false;
    replace(element, h('h2', {id: 'result-heading'}, 'Your video'), problem,
      h('div', {class: 'result-body'},
        h('div', {class: 'player-frame'}, player),
        h('div', {class: 'downloads'},
          h('h3', {}, 'Downloads'),
          h('ul', {}, DOWNLOADS.map(([name, label]) => h('li', {},
            h('a', {class: 'button secondary download', href: url(name), download: name, 'data-file': name}, label)))),
          transcript(video.script))));
  }

  function update(video) {
    if (video.status === 'completed') {
      show(video);
    } else if (shownFor !== null) { // regenerating: the old files are gone
      shownFor = null;
      element.hidden = true;
      replace(element);
    }
  }

  return {element, update};
}

/** What is said, in order: a text alternative to the video, and a quick check of the final wording. */
function transcript(script) {
  if (!script) return null;
  return h('section', {class: 'transcript', 'aria-labelledby': 'transcript-heading'},
    h('h3', {id: 'transcript-heading'}, 'Transcript'),
    h('ol', {}, script.blocks.flatMap((b) => b.dialogue).map((l) =>
      h('li', {}, l.speaker ? h('strong', {}, `${l.speaker}: `) : null, l.text))));
}
