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
      const status = document.querySelector("[data-session-status]");
      status.textContent = status.dataset.stillSignedIn;
      schedule();
    }
  });
  schedule();
}

// Switching language reloads the page: keep what the person has typed in this page's
// forms, and put it back once the page comes back in the other language.
const draftKey = `cp-drafts:${location.pathname}${location.search}`;
const draftForms = () =>
  [...document.querySelectorAll("main form[method=post], main form[method=POST]")];
const languageSwitch = document.querySelector("[data-keeps-drafts]");
if (languageSwitch) {
  languageSwitch.addEventListener("submit", () => {
    const drafts = draftForms().map((form) =>
      [...form.elements]
        .filter((field) => field.name && field.name !== "csrfmiddlewaretoken" && field.type !== "file"
          && field.type !== "password" && field.type !== "hidden")
        .map((field) => [field.name, field.type, field.type === "checkbox" || field.type === "radio"
          ? field.checked : field.value, field.value]),
    );
    try { sessionStorage.setItem(draftKey, JSON.stringify(drafts)); } catch { /* storage off */ }
  });
}
try {
  const saved = JSON.parse(sessionStorage.getItem(draftKey) || "null");
  sessionStorage.removeItem(draftKey);
  if (saved) {
    draftForms().forEach((form, index) => {
      (saved[index] || []).forEach(([name, type, value, optionValue]) => {
        const fields = [...form.elements].filter((field) => field.name === name);
        fields.forEach((field) => {
          if (type === "checkbox" || type === "radio") {
            if (field.value === optionValue) field.checked = value;
          } else if (field.type === type || field.tagName !== "INPUT") {
            field.value = value;
          }
        });
      });
    });
  }
} catch { /* storage off or a different form: nothing to put back */ }
