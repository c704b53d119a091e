// The composer's @ picker. Typing "@" opens a list of the chat's people and bots (and @all where
// the chat allows it), fetched once from the server; typing filters it, arrow keys move, Enter or
// Tab picks, Esc closes. A pick writes "@Name " in the text and adds a hidden "mention" field
// (id|Name) that the server turns into Feishu's <at> tag (web.chats.ComposerMentions).
const form = document.getElementById('lk-composer');
const text = document.getElementById('lk-composer-text');
const picker = document.getElementById('lk-mention-picker');

// "@" at the start or after a space, then the name typed so far, up to the caret.
const TYPED = /(^|\s)@([^\s@]*)$/;
let list = null;
let loading = null;
let shown = [];
let active = -1;

function load() {
  if (!loading) {
    loading = fetch(picker.dataset.src, { headers: { 'HX-Request': 'true' } })
      .then((response) => (response.ok ? response.text() : ''))
      .then((html) => {
        const page = new DOMParser().parseFromString(html, 'text/html');
        list = page.getElementById('lk-mention-list');
        if (list) {
          picker.appendChild(document.adoptNode(list));
        }
        return list;
      });
  }
  return loading;
}

function typed() {
  const before = text.value.slice(0, text.selectionStart);
  const match = TYPED.exec(before);
  return match ? { query: match[2], start: before.length - match[2].length - 1 } : null;
}

function close() {
  picker.hidden = true;
  active = -1;
  text.setAttribute('aria-expanded', 'false');
  text.removeAttribute('aria-activedescendant');
}

function highlight(index) {
  list.querySelectorAll('.lk-mention-option').forEach((option) => option.setAttribute('aria-selected', 'false'));
  if (index >= 0) {
    shown[index].setAttribute('aria-selected', 'true');
  }
  active = index;
  if (index >= 0) {
    text.setAttribute('aria-activedescendant', shown[index].id);
    shown[index].scrollIntoView({ block: 'nearest' });
  }
}

function open(query) {
  const wanted = query.toLowerCase();
  shown = [];
  list.querySelectorAll('.lk-mention-option').forEach((option) => {
    const match = option.dataset.name.toLowerCase().includes(wanted);
    option.hidden = !match;
    if (match) {
      shown.push(option);
    }
  });
  if (shown.length === 0) {
    close();
    return;
  }
  picker.hidden = false;
  text.setAttribute('aria-expanded', 'true');
  highlight(0);
}

function update() {
  const at = typed();
  if (!at) {
    close();
    return;
  }
  load().then(() => {
    if (list && typed()) {
      open(typed().query);
    }
  });
}

function pick(option) {
  const at = typed();
  if (!at) {
    close();
    return;
  }
  const name = option.dataset.name;
  const caret = text.selectionStart;
  const inserted = '@' + name + ' ';
  text.value = text.value.slice(0, at.start) + inserted + text.value.slice(caret);
  const end = at.start + inserted.length;
  text.setSelectionRange(end, end);
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'mention';
  field.value = option.dataset.id + '|' + name;
  form.appendChild(field);
  close();
  text.focus();
}

if (form && text && picker) {
  text.setAttribute('role', 'combobox');
  text.setAttribute('aria-autocomplete', 'list');
  text.setAttribute('aria-controls', 'lk-mention-list');
  text.setAttribute('aria-expanded', 'false');
  text.addEventListener('input', update);
  text.addEventListener('click', update);
  text.addEventListener('blur', () => setTimeout(close, 150));
  // Captured on the form, so that while the list is open Enter picks instead of sending (chat.js
  // listens on the textarea itself, after this).
  form.addEventListener('keydown', (event) => {
    if (picker.hidden || event.target !== text || event.isComposing) {
      return;
    }
    let handled = true;
    if (event.key === 'ArrowDown') {
      highlight((active + 1) % shown.length);
    } else if (event.key === 'ArrowUp') {
      highlight((active - 1 + shown.length) % shown.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
      pick(shown[active]);
    } else if (event.key === 'Escape') {
      close();
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
  picker.addEventListener('mousedown', (event) => {
    const option = event.target.closest('.lk-mention-option');
    if (option) {
      event.preventDefault();
      pick(option);
    }
  });
  // A sent message's picks go with it.
  form.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.successful) {
      form.querySelectorAll('input[name="mention"]').forEach((field) => field.remove());
    }
  });
}
