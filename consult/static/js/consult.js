// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Move focus to the error summary so screen reader and keyboard users hear it first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var target = event.target.closest("a");
      if (!target) return;
      var input = document.querySelector(target.getAttribute("href"));
      if (input) {
        event.preventDefault();
        input.focus();
        input.scrollIntoView({ block: "center" });
      }
    });
  }

  // Switching language on a question page keeps what was typed: submit the answer form
  // with the chosen language instead of following the plain link.
  var form = document.querySelector("form[data-keeps-answers]");
  if (form) {
    document.querySelectorAll("[data-switch-language]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var field = document.createElement("input");
        field.type = "hidden";
        field.name = "switch_language";
        field.value = link.getAttribute("data-switch-language");
        form.appendChild(field);
        form.submit();
      });
    });
  }

  // A second click on a submit button does nothing while the first is on its way.
  document.querySelectorAll("form").forEach(function (each) {
    each.addEventListener("submit", function (event) {
      var button = each.querySelector("[data-prevent-double-click]");
      if (!button) return;
      if (button.dataset.submitted) {
        event.preventDefault();
        return;
      }
      button.dataset.submitted = "true";
    });
  });

  // The printable form's print button needs script, so it stays hidden without it; the page
  // tells everyone else to use the browser's print command (issue #6).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
