// Live updates: the server pushes every change of the person's chats over Server-Sent Events
// (/events, see LiveDispatch):
//   message {chat_id, message_id, html}  a new message: added to the open chat's timeline unless
//                                        there already (the sender's own post was added by htmx);
//                                        one with thread_id (a reply in a thread) only to that
//                                        thread's page: the chat's shows its root, which comes anew;
//   changed {chat_id, message_id, html}  a message to show anew: replaced by its id;
//   chat    {chat_id, kind}              joined, left, disbanded, members, updated;
//   reload  {}                           the stream missed too much: the page reloads.
// The stream starts from the position the page was rendered at (data-live-after on <body>), and
// EventSource reconnects by itself from the last event's id, so nothing in between is lost.
// Every event is also dispatched on document as `lk:live` (detail {type, data}) for other scripts.
import { csrfToken } from './csrf.js';
const timeline = document.getElementById('lk-timeline');
const chatId = timeline ? timeline.dataset.chatId : null;
const threadId = timeline ? timeline.dataset.threadId || null : null;
const chatList = document.getElementById('lk-chat-list');
const after = document.body.dataset.liveAfter;

function parse(event) {
  try {
    return JSON.parse(event.data);
  } catch (e) {
    return null;
  }
}

function element(html) {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const first = page.body.firstElementChild;
  return first ? document.adoptNode(first) : null;
}

// Messages carry htmx forms (actions, reactions): htmx wires up what it did not load itself.
function wire(message) {
  if (window.htmx) {
    window.htmx.process(message);
  }
}

function atEnd() {
  return timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 40;
}

function addMessage(data) {
  if (data.chat_id !== chatId || (data.thread_id || null) !== threadId
      || document.getElementById('lk-m-' + data.message_id)) {
    return;
  }
  const message = element(data.html);
  if (!message) {
    return;
  }
  const empty = timeline.querySelector('.lk-timeline-empty');
  if (empty) {
    empty.remove();
  }
  timeline.appendChild(message);
  wire(message);
  timeline.scrollTop = timeline.scrollHeight;
  if (!message.classList.contains('lk-message-mine')) {
    seen(data.message_id);
  }
}

// Others' messages that arrive on the open page are read once the page is in view, as opening the
// chat reads them: the senders see "Read by", bots get message_read_v1, the list's count drops.
const unseen = [];
function seen(messageId) {
  unseen.push(messageId);
  if (document.visibilityState === 'visible') {
    flushRead();
  }
}

function flushRead() {
  if (unseen.length === 0) {
    return;
  }
  const body = new URLSearchParams();
  for (const id of unseen.splice(0, unseen.length)) {
    body.append('message_id', id);
  }
  fetch(`/chats/${encodeURIComponent(chatId)}/read`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrfToken() },
    body,
  }).catch(() => {});
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    flushRead();
  }
});

function replaceMessage(data, tries = 0) {
  const old = data.chat_id === chatId ? document.getElementById('lk-m-' + data.message_id) : null;
  // A card waiting for the answer to a click (cards.js) is replaced once that answer is shown.
  if (old && old.querySelector('[aria-busy="true"]') && tries < 40) {
    setTimeout(() => replaceMessage(data, tries + 1), 250);
    return;
  }
  // A message the person is editing keeps its form; saving it shows the message as it is then.
  const message = old && !old.querySelector('.lk-edit') ? element(data.html) : null;
  if (!message) {
    return;
  }
  const follow = atEnd();
  // What a card click showed (a toast) stays until its own script removes it.
  for (const toast of old.querySelectorAll(':scope > .lk-toast')) {
    message.appendChild(toast);
  }
  old.replaceWith(message);
  wire(message);
  if (follow) {
    timeline.scrollTop = timeline.scrollHeight;
  }
}

// A notice above the composer; leaving the chat also closes the composer.
function notice(text, closed) {
  let bar = document.getElementById('lk-live-notice');
  if (!bar) {
    bar = document.createElement('p');
    bar.id = 'lk-live-notice';
    bar.className = 'lk-live-notice';
    bar.setAttribute('role', 'status');
    timeline.after(bar);
  }
  bar.textContent = text;
  if (closed) {
    const composer = document.getElementById('lk-composer');
    if (composer) {
      for (const field of composer.querySelectorAll('textarea, input, button')) {
        field.disabled = true;
      }
      const text = composer.querySelector('textarea');
      if (text) {
        text.placeholder = 'You can no longer write here';
      }
    }
  }
}

// The chat's header again from the server (its name may have changed).
async function refreshHeader() {
  const response = await fetch(window.location.pathname, { headers: { Accept: 'text/html' } });
  if (!response.ok) {
    return;
  }
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.querySelector('.lk-chat-header');
  const current = document.querySelector('.lk-chat-header');
  if (fresh && current) {
    current.replaceWith(document.adoptNode(fresh));
    document.title = page.title;
  }
}

function chatChanged(data) {
  if (data.chat_id !== chatId) {
    return;
  }
  if (data.kind === 'left') {
    notice('You are no longer a member of this chat.', true);
  } else if (data.kind === 'disbanded') {
    notice('This chat was disbanded.', true);
  } else if (data.kind === 'updated') {
    refreshHeader();
  }
}

// The chat list again from the server, a moment after the last change (a burst loads it once).
let listTimer = null;
function refreshList() {
  clearTimeout(listTimer);
  listTimer = setTimeout(async () => {
    const response = await fetch(window.location.pathname + window.location.search, {
      headers: { Accept: 'text/html' },
    });
    if (!response.ok) {
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.getElementById('lk-chat-list');
    const current = document.getElementById('lk-chat-list');
    if (fresh && current) {
      current.replaceWith(document.adoptNode(fresh));
    }
  }, 250);
}

function listen(type, handle) {
  source.addEventListener(type, (event) => {
    const data = parse(event);
    if (!data) {
      return;
    }
    handle(data);
    document.dispatchEvent(new CustomEvent('lk:live', { detail: { type, data } }));
  });
}

let source = null;
if ((timeline || chatList) && 'EventSource' in window) {
  source = new EventSource(after ? '/events?after=' + encodeURIComponent(after) : '/events');
  // Says when the stream is open (tests wait for it before writing from elsewhere).
  source.addEventListener('open', () => {
    document.body.dataset.live = 'open';
    if (timeline) {
      timeline.dataset.live = 'open';
    }
  });
  listen('message', (data) => (timeline ? addMessage(data) : refreshList()));
  listen('changed', (data) => (timeline ? replaceMessage(data) : refreshList()));
  listen('chat', (data) => (timeline ? chatChanged(data) : refreshList()));
  listen('reload', () => {
    source.close();
    window.location.reload();
  });
}

// Should the pushed copy arrive before htmx adds the sender's own post (or upload), keep only the
// first. A MutationObserver runs right after the insertion, before anything else on the page can
// run or paint, so the second copy is never seen (htmx's settle events come a moment later).
if (timeline) {
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains('lk-message') && node.id) {
          const first = document.getElementById(node.id);
          if (first && first !== node) {
            node.remove();
          }
        }
      }
    }
  }).observe(timeline, { childList: true });
}
