// The chat page's keys and composer: Enter sends, Shift+Enter starts a new line; after htmx has
// added the sent message, the composer empties and the timeline scrolls to the end.
const timeline = document.getElementById('lk-timeline');
const form = document.getElementById('lk-composer');
const error = document.getElementById('lk-composer-error');

function scrollToEnd() {
  if (timeline) {
    timeline.scrollTop = timeline.scrollHeight;
  }
}

if (form) {
  const text = form.querySelector('textarea');
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.successful) {
      form.reset();
      error.hidden = true;
      scrollToEnd();
      text.focus();
    }
  });
  form.addEventListener('htmx:responseError', (event) => {
    const page = new DOMParser().parseFromString(event.detail.xhr.responseText, 'text/html');
    error.textContent = page.body.textContent.trim() || 'The message was not sent.';
    error.hidden = false;
  });
}

scrollToEnd();
