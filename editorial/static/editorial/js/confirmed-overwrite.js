// When Wagtail's editing sessions warn "<someone> saved a new version" and the person chooses to
// save anyway, tell the server the newest version the warning was about: the server's conflict
// check (editorial/forms.py) then lets the save replace the work of the people it named, and
// still refuses a save by anyone else since.
(() => {
  let newestSeen = 0;
  document.addEventListener("w-swap:json", (event) => {
    for (const session of event.detail?.data?.other_sessions || []) {
      newestSeen = Math.max(newestSeen, session.revision_id || 0);
    }
  });
  document.addEventListener(
    "w-dialog:confirmed",
    (event) => {
      const form = document.querySelector("form[data-edit-form]");
      if (event.target.id !== "w-save-confirmation-dialog" || !newestSeen || !form) return;
      let input = form.elements.overwrite_confirmed_revision_id;
      if (!input) {
        input = Object.assign(document.createElement("input"), {
          type: "hidden",
          name: "overwrite_confirmed_revision_id",
        });
        form.append(input);
      }
      input.value = newestSeen;
    },
    true, // before Wagtail's own listener clicks the save button again
  );
})();
