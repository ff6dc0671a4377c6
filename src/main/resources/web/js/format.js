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
 * How a google video is filmed, from the estimate's plan ({chains, restarts, billedSeconds, takeSeconds}):
 * "3 chains, 2 restarts from a last frame, 85 s billed"; null where the provider films no chains (local).
 */
export function planText(estimate) {
  const p = estimate && estimate.plan;
  if (!p) return null;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(p.chains, 'chain')}, ${plural(p.restarts, 'restart')} from a last frame, ${p.billedSeconds} s billed`;
}

/**
 * The caller's budget from GET /api/v1/spend ({budgetUsd, spentUsd, reservedUsd, remainingUsd}):
 * "$12.50 left of $50.00", "No limit", or, from a server without that route, "Not reported by this server".
 */
export function budgetText(spend) {
  if (!spend || !('budgetUsd' in spend)) return 'Not reported by this server';
  if (spend.budgetUsd == null) return 'No limit'; // null in the API's JSON (undefined once passed through some clients)
  return `${money(spend.remainingUsd) ?? '$0.00'} left of ${money(spend.budgetUsd)}`;
}

/** A refused start/retry/regenerate (HTTP 402 budget_exceeded) in plain words; nothing was charged. */
export function budgetRefusal(error) {
  const b = error.body || {};
  const cost = money(b.estimateUsd);
  const left = money(b.remainingUsd);
  if (cost && left) {
    return `Not started: this would cost about ${cost}, and only ${left} of your budget is left. Nothing was charged. `
      + 'Ask an administrator for a larger budget, or make fewer blocks.';
  }
  return `Not started: it is over your budget. Nothing was charged. ${error.message || ''}`.trim();
}

/** What a video has cost so far (charged, or possibly charged when a submission's fate is unknown). */
export function spentText(video) {
  const spent = money(video.spentUsd);
  return spent ? `${spent} spent so far` : '';
}

export function seconds(millis) {
  if (!millis) return '';
  return millis < 1000 ? `${millis} ms` : `${(millis / 1000).toFixed(1)} s`;
}

/** A video's cast as one line ("Nano & Mira"); videos from before casts have their one character. */
export function castNames(video) {
  return (video.cast?.length ? video.cast.map((c) => c.name) : [video.characterName]).join(' & ');
}
