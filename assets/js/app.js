// Progressive enhancement only: every journey works without this file.
import { initAll } from "./govuk-frontend.min.js";

initAll();

// Session time-out warning (WCAG 2.2.1): shown before the session ends, with a
// button that extends it. The server tells us the session length in seconds.
const warning = document.querySelector("[data-session-warning]");
if (warning) {
  const lifetime = Number(warning.dataset.sessionSeconds);
  const warnBefore = Number(warning.dataset.warnSeconds);
  const extendUrl = warning.dataset.extendUrl;
  const csrf = warning.querySelector("input[name=csrfmiddlewaretoken]").value;
  const button = warning.querySelector("button");
  const message = warning.querySelector("[data-session-message]");
  let timer;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      warning.hidden = false;
      button.focus();
    }, Math.max(0, (lifetime - warnBefore) * 1000));
  };
  warning.querySelector("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await fetch(extendUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
      credentials: "same-origin",
    });
    if (response.ok) {
      warning.hidden = true;
      message.textContent = "";
      document.querySelector("[data-session-status]").textContent = "You are still signed in.";
      schedule();
    }
  });
  schedule();
}
