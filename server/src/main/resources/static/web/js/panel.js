// The group panel: Esc goes back to the chat, as the close button does; Copy puts the share link
// on the clipboard (falling back to selecting it where the clipboard is not allowed).
const panel = document.getElementById("lk-group-panel");

if (panel) {
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      window.location.assign(panel.dataset.closeHref);
    }
  });
}

for (const button of document.querySelectorAll("[data-copy]")) {
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copy);
    if (!field) {
      return;
    }
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = "Copied";
    } catch {
      field.select();
      button.textContent = "Press Ctrl+C";
    }
  });
}
