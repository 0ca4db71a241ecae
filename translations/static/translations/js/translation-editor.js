/* wagtail-localize's translation editor, completed for our reviewers and our languages.

- The reviewer's workflow actions (rendered above the editor by translations/editor_summary.html)
  also appear at the top of the editor's action menu, as in Wagtail's own page editor.
- An action that needs a comment opens Wagtail's workflow dialog: a refusal (an override without
  a note) shows in the dialog; success goes to the confirmation, then back here.
- Strings the editor writes in English whatever the language ("More actions", "<source> to
  <target> translation") are replaced with the translations given in #translation-editor-labels.
*/
document.addEventListener("DOMContentLoaded", () => {
  // Wagtail's admin loads this in the page's head, like wagtail-localize's own script.
  const editor = document.querySelector(".js-translation-editor");
  const labelsScript = document.getElementById("translation-editor-labels");
  const labels = labelsScript ? JSON.parse(labelsScript.textContent) : {};

  function openDialog(button) {
    window.ModalWorkflow({
      url: button.dataset.reviewActionUrl,
      onload: {
        action(modal) {
          const form = modal.body.find("form");
          const next = document.createElement("input");
          next.type = "hidden";
          next.name = "next";
          next.value = window.location.href;
          form.append(next);
          modal.ajaxifyForm(form);
        },
        success(modal, json) {
          window.location.href = json.redirect;
        },
      },
      triggerElement: button,
    });
  }

  document.addEventListener("click", (event) => {
    const proxy = event.target.closest("[data-review-proxy]");
    if (proxy) {
      event.preventDefault();
      document.getElementById(proxy.dataset.reviewProxy).click();
      return;
    }
    const button = event.target.closest("[data-review-action-url][data-launch-modal]");
    if (button) {
      event.preventDefault();
      openDialog(button);
    }
  });

  function addReviewActionsToMenu() {
    const menu = editor.querySelector("footer .w-dropdown__content");
    if (!menu || menu.querySelector("[data-review-proxy]")) return;
    const actions = document.querySelectorAll(".translation-review [data-review-action-url]");
    [...actions].reverse().forEach((action, index) => {
      if (!action.id) action.id = `review-action-button-${index}`;
      const item = document.createElement("button");
      item.type = "button";
      item.className = "button";
      item.dataset.reviewProxy = action.id;
      const icon = action.dataset.reviewAction === "reject" ? "edit" : "success";
      item.innerHTML = `<svg class="icon icon-${icon} icon" aria-hidden="true"><use href="#icon-${icon}"></use></svg>`;
      item.append(action.textContent.trim());
      menu.prepend(item);
    });
  }

  function translateLabels() {
    editor.querySelectorAll(".w-sr-only, h3").forEach((element) => {
      const text = element.textContent.trim();
      if (Object.hasOwn(labels, text) && element.children.length === 0) {
        element.textContent = labels[text];
      }
    });
  }

  if (!editor) return;
  const update = () => {
    addReviewActionsToMenu();
    translateLabels();
  };
  new MutationObserver(update).observe(editor, { childList: true, subtree: true });
  update();
});
