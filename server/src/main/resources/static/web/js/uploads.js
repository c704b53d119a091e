// Sending images and files from the composer: the attach button's file input, a pasted image, or
// files dropped on the chat. Each goes through the #lk-upload form (htmx posts it as multipart and
// adds the sent message to the timeline), one file per message; a refusal shows in the composer's
// error area. Files chosen while "Replying to ..." is shown are replies to that message (in its
// thread when so), as the text would be; the reply ends once they are on their way.
const form = document.getElementById('lk-upload');
const input = document.getElementById('lk-upload-file');
const error = document.getElementById('lk-composer-error');
const timeline = document.getElementById('lk-timeline');
const chat = document.querySelector('.lk-chat');
const text = document.getElementById('lk-composer-text');
const replyTo = document.getElementById('lk-parent-id');
const replyInThread = document.getElementById('lk-reply-in-thread');
const uploadParent = document.getElementById('lk-upload-parent-id');
const uploadInThread = document.getElementById('lk-upload-in-thread');
const replyCancel = document.getElementById('lk-replying-cancel');

// The server's multipart limit (application.yml): past it the container refuses before Larkspur
// can word an answer, so the page says it first. The per-type limits are checked by the server.
const MAX_BYTES = 30 * 1024 * 1024;

function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

// Files wait their turn: the form carries one file per request, as Feishu's upload does.
const queue = [];
let busy = false;

/** Sends the files one after another through the upload form, as if chosen with its input. */
function enqueue(files) {
  const parent = replyTo ? replyTo.value : '';
  const inThread = replyInThread ? replyInThread.value : 'false';
  queue.push(...files.map((file) => ({ file, parent, inThread })));
  if (parent && replyCancel) {
    replyCancel.click();
  }
  next();
}

function next() {
  if (busy || queue.length === 0) {
    return;
  }
  const { file, parent, inThread } = queue.shift();
  if (file.size > MAX_BYTES) {
    showError(file.name + ' is larger than 30 MB, the most a file can be.');
    next();
    return;
  }
  busy = true;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  if (uploadParent) {
    uploadParent.value = parent;
    uploadInThread.value = inThread;
  }
  form.requestSubmit();
}

function done() {
  busy = false;
  input.value = '';
  next();
}

/** The answer's words: the page's refusal fragment, or an Open API envelope's msg. */
function reason(xhr) {
  try {
    const body = JSON.parse(xhr.responseText);
    if (body && body.msg) {
      return body.msg;
    }
  } catch (e) {
    // Not JSON: the refusal fragment.
  }
  const page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
  return page.body.textContent.trim() || 'The file was not sent.';
}

if (form && input) {
  // Setting input.files from script fires no change event: only the person's choice lands here.
  input.addEventListener('change', () => enqueue(Array.from(input.files)));
  form.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.successful) {
      error.hidden = true;
      timeline.scrollTop = timeline.scrollHeight;
    }
    done();
  });
  form.addEventListener('htmx:responseError', (event) => showError(reason(event.detail.xhr)));
  form.addEventListener('htmx:sendError', () => showError('The file was not sent: the server could not be reached.'));

  text.addEventListener('paste', (event) => {
    const files = event.clipboardData ? event.clipboardData.files : null;
    if (files && files.length > 0) {
      event.preventDefault();
      enqueue(Array.from(files));
    }
  });

  const hasFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');
  chat.addEventListener('dragover', (event) => {
    if (hasFiles(event)) {
      event.preventDefault();
      chat.classList.add('lk-dropping');
    }
  });
  chat.addEventListener('dragleave', (event) => {
    if (!chat.contains(event.relatedTarget)) {
      chat.classList.remove('lk-dropping');
    }
  });
  chat.addEventListener('drop', (event) => {
    chat.classList.remove('lk-dropping');
    if (hasFiles(event) && event.dataTransfer.files.length > 0) {
      event.preventDefault();
      enqueue(Array.from(event.dataTransfer.files));
    }
  });
}
