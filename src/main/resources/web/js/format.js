// Words for the values the API returns: statuses, step names, prices.

export const PROVIDERS = [
  {id: 'local', label: 'Local animatic (offline, free)'},
  {id: 'google', label: 'Google Veo 3.1 (paid)'},
];

export const LANGUAGES = [
  {id: 'en', label: 'English'},
  {id: 'fr', label: 'Français'},
];

const STATUS_WORDS = {
  draft: 'Draft', queued: 'Queued', running: 'Making', completed: 'Done', failed: 'Failed', cancelled: 'Cancelled',
  pending: 'Waiting', done: 'Done', skipped: 'Reused',
};

export function statusWord(status) {
  return STATUS_WORDS[status] || (status ? status[0].toUpperCase() + status.slice(1) : 'Unknown');
}

/** A status badge; the word is always shown, the colour only adds to it. */
export function badgeClass(status) {
  return `badge badge-${status || 'unknown'}`;
}

export function isFinished(status) {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}

/** block-3 → "Block 3 clip"; the fixed steps get plain names. */
export function stepLabel(name) {
  const block = /^block-(\d+)$/.exec(name);
  if (block) return `Block ${block[1]} clip`;
  return {character: 'Character image', script: 'Script', subtitles: 'Subtitles', render: 'Final render'}[name] || name;
}

export function blockOfStep(name) {
  const block = /^block-(\d+)$/.exec(name);
  return block ? Number(block[1]) : null;
}

/** An amount of dollars: "$1.20"; null when unknown. */
export function money(amount) {
  if (amount === null || amount === undefined || amount === '') return null;
  const n = Number(amount);
  return Number.isFinite(n) ? `$${n.toFixed(2)}` : null;
}

/** The estimate as a phrase: "Free", "$1.20", or why there is no number. */
export function estimateText(estimate) {
  const price = money(estimate && estimate.usd);
  if (price) return price === '$0.00' ? 'Free' : price;
  return `Not known for ${estimate && estimate.provider ? estimate.provider : 'this provider'}`;
}

/**
 * The budget left, if the server reports one. The API of issue #3 has no budget field yet; the google
 * provider has per-user limits and a spend ledger, so a "budget" object is looked for in a few likely
 * shapes, and the page says plainly when there is none.
 */
export function budgetText(video) {
  const b = video.budget ?? video.estimate?.budget ?? video.estimate?.budgetLeftUsd;
  if (b === undefined || b === null) return 'Not reported by this server';
  if (typeof b !== 'object') return money(b) ? `${money(b)} left` : 'Not reported by this server';
  let left = b.leftUsd ?? b.remainingUsd ?? b.left;
  if (left == null && b.perUserUsd != null) left = Number(b.perUserUsd) - Number(b.spentUsd || 0);
  if (left != null && money(left)) return `${money(left)} left`;
  return 'perUserUsd' in b && b.perUserUsd === null ? 'No limit' : 'Not reported by this server';
}

export function seconds(millis) {
  if (!millis) return '';
  return millis < 1000 ? `${millis} ms` : `${(millis / 1000).toFixed(1)} s`;
}
