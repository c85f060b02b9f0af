// Passkeys need JavaScript and a browser with WebAuthn. Pages show their passkey
// buttons only when both are there; otherwise they keep their message pointing to the
// authenticator app. allauth's webauthn.js does the passkey steps themselves.
(function () {
  "use strict";
  if (!window.PublicKeyCredential) {
    return;
  }
  document.querySelectorAll("[data-passkey-only]").forEach(function (element) {
    element.hidden = false;
  });
  document.querySelectorAll("[data-passkey-unavailable]").forEach(function (element) {
    element.hidden = true;
  });

  // allauth reports a cancelled or failed passkey prompt with this event: show the
  // page's error summary and move focus to it, as GOV.UK error summaries do.
  document.addEventListener("allauth.error", function (event) {
    const summary = document.querySelector("[data-passkey-error]");
    if (!summary) {
      return;
    }
    event.preventDefault();
    summary.hidden = false;
    summary.focus();
  });

  // Enter in the passkey's name box would send the form before any passkey exists:
  // start the passkey steps instead.
  document.querySelectorAll("[data-passkey-start]").forEach(function (button) {
    const form = button.closest("form");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.click();
    });
  });
})();
