// Live updates on the chat page: the server pushes new messages of the person's chats over
// Server-Sent Events (/events); those of the open chat are added to the timeline unless already
// there (the sender's own post was added by htmx), and the timeline scrolls to the end.
// EventSource reconnects by itself when the stream ends.
const timeline = document.getElementById('lk-timeline');
const chatId = timeline ? timeline.dataset.chatId : null;

if (timeline && chatId && 'EventSource' in window) {
  const source = new EventSource('/events');
  // Says when the stream is open (tests wait for it: a message sent before shows only on reload).
  source.addEventListener('open', () => {
    timeline.dataset.live = 'open';
  });
  source.addEventListener('message', (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (data.chat_id !== chatId || document.getElementById('lk-m-' + data.message_id)) {
      return;
    }
    const page = new DOMParser().parseFromString(data.html, 'text/html');
    const message = page.body.firstElementChild;
    if (!message) {
      return;
    }
    const empty = timeline.querySelector('.lk-timeline-empty');
    if (empty) {
      empty.remove();
    }
    timeline.appendChild(document.adoptNode(message));
    timeline.scrollTop = timeline.scrollHeight;
  });
}

// Should the pushed copy arrive before htmx adds the sender's own post, keep only the first.
if (timeline) {
  timeline.addEventListener('htmx:afterSettle', () => {
    const seen = new Set();
    for (const message of timeline.querySelectorAll('.lk-message[id]')) {
      if (seen.has(message.id)) {
        message.remove();
      } else {
        seen.add(message.id);
      }
    }
  });
}
