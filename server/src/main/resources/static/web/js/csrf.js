// The page's CSRF header, as the server put it on <body hx-headers> for htmx, for the scripts that
// post with fetch (actions.js, cards.js, live.js) instead of through htmx.
export function csrfHeaders() {
  try {
    return JSON.parse(document.body.getAttribute('hx-headers') || '{}');
  } catch {
    return {};
  }
}

export function csrfToken() {
  return csrfHeaders()['X-CSRF-Token'] || '';
}
