// Each message's actions menu (reply, reply in thread, react, pin, edit, recall), the page's one
// reaction picker, and the composer's "Replying to ..." state. Listeners sit on the timeline
// (event delegation), so messages replaced by htmx or added by live updates keep working.
// The actions themselves are htmx forms in the message fragment; a refusal shows as an alert.
import { csrfHeaders } from './csrf.js';
const timeline = document.getElementById('lk-timeline');
const picker = document.getElementById('lk-picker');
const error = document.getElementById('lk-composer-error');
const form = document.getElementById('lk-composer');
const replying = document.getElementById('lk-replying');
const parentInput = document.getElementById('lk-parent-id');
const inThreadInput = document.getElementById('lk-reply-in-thread');
let pickerFor = null;
let focusAfterSwap = null;

function menuOf(toggle) {
  return document.getElementById(toggle.getAttribute('aria-controls'));
}

function closeMenus(except) {
  for (const toggle of document.querySelectorAll('.lk-actions-toggle[aria-expanded="true"]')) {
    if (toggle !== except) {
      toggle.setAttribute('aria-expanded', 'false');
      const menu = menuOf(toggle);
      if (menu) {
        menu.hidden = true;
      }
    }
  }
}

function openMenu(toggle) {
  closeMenus(toggle);
  closePicker(false);
  const menu = menuOf(toggle);
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  menu.hidden = !open;
  if (open) {
    const first = menu.querySelector('[role="menuitem"]');
    if (first) {
      first.focus();
    }
  }
}

function closePicker(refocus) {
  if (!picker || picker.hidden) {
    return;
  }
  picker.hidden = true;
  if (refocus && pickerFor) {
    const toggle = pickerFor.querySelector('.lk-actions-toggle');
    if (toggle) {
      toggle.focus();
    }
  }
  pickerFor = null;
}

function openPicker(message) {
  pickerFor = message;
  picker.hidden = false;
  const box = message.getBoundingClientRect();
  const top = Math.min(box.bottom + 4, window.innerHeight - picker.offsetHeight - 8);
  picker.style.top = Math.max(8, top) + 'px';
  picker.querySelector('.lk-picker-emoji').focus();
}

function react(emoji) {
  const message = pickerFor;
  closePicker(false);
  if (!message || !window.htmx) {
    return;
  }
  focusAfterSwap = message.id;
  window.htmx.ajax('POST', message.dataset.actions + '/reactions', {
    source: message,
    target: message,
    swap: 'outerHTML',
    values: { emoji_type: emoji },
    headers: csrfHeaders(),
  });
}

function startReply(item, inThread) {
  if (!form || !parentInput) {
    return;
  }
  const message = item.closest('.lk-message');
  parentInput.value = message.dataset.messageId;
  inThreadInput.value = String(inThread);
  const excerpt = item.dataset.excerpt || '';
  document.getElementById('lk-replying-text').textContent =
    (inThread ? 'Replying in thread to ' : 'Replying to ') + item.dataset.sender +
    (excerpt ? ': ' + (excerpt.length > 60 ? excerpt.slice(0, 59) + '…' : excerpt) : '');
  replying.hidden = false;
  form.querySelector('textarea').focus();
}

function cancelReply() {
  if (parentInput) {
    parentInput.value = '';
    inThreadInput.value = 'false';
    replying.hidden = true;
  }
}

function showRefusal(xhr) {
  if (!error) {
    return;
  }
  const page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
  error.textContent = page.body.textContent.trim() || 'That did not work.';
  error.hidden = false;
}

if (timeline) {
  timeline.addEventListener('click', (event) => {
    const toggle = event.target.closest('.lk-actions-toggle');
    if (toggle) {
      openMenu(toggle);
      return;
    }
    const item = event.target.closest('.lk-menu-item');
    if (!item) {
      return;
    }
    const message = item.closest('.lk-message');
    focusAfterSwap = message ? message.id : null;
    const action = item.dataset.action;
    closeMenus();
    if (action === 'reply' || action === 'reply-thread') {
      startReply(item, action === 'reply-thread');
    } else if (action === 'react' && picker) {
      openPicker(message);
    }
  });

  // Arrow keys move through an open menu; Esc closes it and gives focus back to its button.
  timeline.addEventListener('keydown', (event) => {
    const menu = event.target.closest('.lk-menu');
    if (menu && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const items = [...menu.querySelectorAll('[role="menuitem"]')];
      const at = items.indexOf(event.target);
      const next = (at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next].focus();
    }
    if (event.key === 'Escape' && menu) {
      const toggle = menu.parentElement.querySelector('.lk-actions-toggle');
      closeMenus();
      toggle.focus();
    }
    const edit = event.target.closest('.lk-edit');
    if (edit && event.key === 'Escape') {
      edit.querySelector('.lk-edit-cancel').click();
    } else if (edit && event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      edit.requestSubmit();
    }
  });

  // After a message is replaced, focus returns to it (its edit box when editing).
  timeline.addEventListener('htmx:afterSettle', () => {
    if (!focusAfterSwap) {
      return;
    }
    const message = document.getElementById(focusAfterSwap);
    focusAfterSwap = null;
    if (message) {
      const target = message.querySelector('.lk-edit-text') || message.querySelector('.lk-actions-toggle');
      if (target) {
        target.focus();
      }
    }
  });

  timeline.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.successful && error && event.target.closest('.lk-message')) {
      error.hidden = true;
    }
  });
  timeline.addEventListener('htmx:responseError', (event) => showRefusal(event.detail.xhr));
}

if (picker) {
  picker.addEventListener('click', (event) => {
    const emoji = event.target.closest('.lk-picker-emoji');
    if (emoji) {
      react(emoji.dataset.emoji);
    }
  });
  picker.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closePicker(true);
    }
  });
}

if (replying) {
  document.getElementById('lk-replying-cancel').addEventListener('click', () => {
    cancelReply();
    form.querySelector('textarea').focus();
  });
  form.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.successful) {
      cancelReply();
    }
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !replying.hidden) {
      cancelReply();
    }
  });
}

// Messages pushed live get their htmx bindings; a reply in a thread pushed live belongs to its thread, not to the chat's timeline: it goes, and
// its root (if shown) comes again from the server with its new count of replies.
document.addEventListener('lk:live', (event) => {
  const { type, data } = event.detail;
  // Messages live.js put in place are new to htmx: their action forms get bound here.
  const shown = (type === 'message' || type === 'changed') && window.htmx
    ? document.getElementById('lk-m-' + data.message_id)
    : null;
  if (shown) {
    window.htmx.process(shown);
  }
  const added = type === 'message' && timeline && !timeline.dataset.threadId
    ? document.getElementById('lk-m-' + data.message_id)
    : null;
  if (!added || !added.dataset.threadRoot) {
    return;
  }
  added.remove();
  const root = document.getElementById('lk-m-' + added.dataset.threadRoot);
  if (root && window.htmx) {
    window.htmx.ajax('GET', root.dataset.actions, { source: root, target: root, swap: 'outerHTML' });
  }
});

// A click elsewhere closes the open menu and the picker; Esc anywhere closes them too.
document.addEventListener('click', (event) => {
  if (!event.target.closest('.lk-actions') && !event.target.closest('#lk-picker')) {
    closeMenus();
    if (!event.target.closest('.lk-menu-item')) {
      closePicker(false);
    }
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    closeMenus();
    closePicker(true);
  }
});
