// Card controls (dev.larkspur.web.cards): a click on a card's button, a change of its select or
// picker, or a choice in its overflow menu posts the form the server drew (tag, name, value JSON,
// option) with the person's timezone, and the answer's toast and card show in place. Listeners sit
// on the document, so cards drawn later (older pages, live updates, answers) work the same.
import { csrfToken } from './csrf.js';

const SCRIPT_HEADER = 'X-Larkspur-Card';
const TOAST_MILLIS = 5000;

document.documentElement.classList.add('lk-cards-live');

function timezone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    return '';
  }
}

// The toast goes right after the card's message, not inside it: a live update replaces the whole
// message element (live.js), which would take the toast with it.
// The toast goes right after the card's message, not inside it: a live update replaces the whole
// message element (live.js), which would take the toast with it.
function showToast(anchor, key, type, text) {
  document.querySelectorAll('.lk-toast[data-lk-for]').forEach((old) => {
    if (old.dataset.lkFor === key) {
      old.remove();
    }
  });
  const toast = document.createElement('div');
  toast.className = `lk-toast lk-toast-${type}`;
  toast.dataset.lkFor = key;
  toast.setAttribute('role', type === 'error' ? 'alert' : 'status');
  toast.textContent = text;
  anchor.after(toast);
  setTimeout(() => toast.remove(), TOAST_MILLIS);
}

function errorText(status, body) {
  const text = new DOMParser().parseFromString(body, 'text/html').body.textContent.trim();
  if (status === 0) {
    return 'The card could not be reached. Check the connection and try again.';
  }
  return text && text.length < 300 ? text : `The card action failed (${status}).`;
}

async function send(form, submitter) {
  const card = form.closest('.lk-content-card');
  const action = form.getAttribute('action');
  if (!card || !action || card.getAttribute('aria-busy') === 'true') {
    return;
  }
  const messageId = (card.closest('.lk-message') || {}).id || '';
  const data = new FormData(form, submitter);
  data.set('timezone', timezone());
  card.setAttribute('aria-busy', 'true');
  let status = 0;
  let body = '';
  try {
    const response = await fetch(action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrfToken(), [SCRIPT_HEADER]: '1' },
      body: new URLSearchParams(data),
    });
    status = response.status;
    body = await response.text();
  } catch {
    status = 0;
  } finally {
    card.removeAttribute('aria-busy');
  }
  // The live stream may have drawn the message anew meanwhile: find it again by its id.
  const message = messageId ? document.getElementById(messageId) : null;
  const anchor = message || (card.isConnected ? card : null);
  const answer = new DOMParser().parseFromString(body, 'text/html').querySelector('.lk-card-answer');
  if (!anchor) {
    return;
  }
  if (!answer) {
    showToast(anchor, messageId, 'error', errorText(status, body));
    return;
  }
  const fresh = answer.querySelector('.lk-card-answer-card > .lk-content');
  if (fresh && card.isConnected) {
    const hadFocus = card.contains(document.activeElement);
    const shown = document.importNode(fresh, true);
    card.replaceWith(shown);
    if (hadFocus) {
      const first = shown.querySelector(
        'button:not([disabled]), select:not([disabled]), a[href], input:not([type=hidden])',
      );
      if (first) {
        first.focus();
      }
    }
  }
  const toast = answer.querySelector('.lk-toast');
  if (toast) {
    showToast(anchor, messageId, toast.dataset.type || 'info', toast.textContent);
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target.closest('form.lk-card-form');
  if (!form) {
    return;
  }
  event.preventDefault();
  const menu = form.closest('details.lk-overflow');
  if (menu) {
    menu.open = false;
  }
  send(form, event.submitter);
});

document.addEventListener('change', (event) => {
  const form = event.target.closest('form.lk-card-form[data-lk-submit-on-change]');
  if (form && event.target.name === 'option' && event.target.value) {
    send(form, null);
  }
});

// Esc closes an open overflow menu, its button keeping the focus.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') {
    return;
  }
  const menu = document.activeElement && document.activeElement.closest('details.lk-overflow[open]');
  if (menu) {
    menu.open = false;
    menu.querySelector('summary').focus();
  }
});
