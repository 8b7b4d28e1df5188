// "Hvor bor du?": lays an ARIA combobox (list autocomplete, as in the WAI-ARIA Authoring
// Practices) over the plain list of kommuner. Typing filters the list; Arrow Down/Up move through
// it, Enter picks, Escape closes it (and empties the field when already closed). The field sends
// the kommune's name, which the server reads as well as the list's value. Without JavaScript the
// plain <select> and its button work as an ordinary form.
(() => {
  const fold = (text) => text.toLocaleLowerCase("da").trim();

  const enhance = (form) => {
    const select = form.querySelector("select[name=kommune]");
    const label = select && select.id && form.querySelector(`label[for="${select.id}"]`);
    if (!label) {
      return;
    }
    const choices = Array.from(select.options)
      .filter((option) => option.value)
      .map((option) => ({ value: option.value, name: option.textContent.trim() }));
    const baseId = select.id;

    const input = document.createElement("input");
    input.type = "text";
    input.id = `${baseId}-felt`;
    input.name = "kommune";
    input.className = select.className.replace("form-select", "form-control");
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", `${baseId}-liste`);
    for (const name of ["aria-describedby", "aria-invalid"]) {
      if (select.hasAttribute(name)) {
        input.setAttribute(name, select.getAttribute(name));
      }
    }
    const chosen = select.selectedOptions[0];
    // What the visitor typed last time, when the server did not know it: theirs to correct.
    input.value = chosen && chosen.value ? chosen.textContent.trim() : select.dataset.typed || "";

    const list = document.createElement("ul");
    list.id = `${baseId}-liste`;
    list.className = "combobox-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Kommuner");
    list.hidden = true;

    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    const wrapper = document.createElement("div");
    wrapper.className = "combobox";
    wrapper.append(input, list);
    select.replaceWith(wrapper);
    wrapper.after(status);
    label.htmlFor = input.id;
    label.textContent = "Skriv eller vælg din kommune";

    let active = -1;
    let shown = [];

    const setActive = (index) => {
      const options = list.querySelectorAll("[role=option]");
      options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };

    const close = () => {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    };

    const open = () => {
      const typed = fold(input.value);
      const starts = choices.filter((c) => fold(c.name).startsWith(typed));
      const inside = choices.filter((c) => !starts.includes(c) && fold(c.name).includes(typed));
      shown = starts.concat(inside);
      list.replaceChildren(
        ...shown.map((choice, index) => {
          const option = document.createElement("li");
          option.id = `${baseId}-valg-${index}`;
          option.setAttribute("role", "option");
          option.setAttribute("aria-selected", "false");
          option.textContent = choice.name;
          return option;
        }),
      );
      list.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", String(shown.length > 0));
      active = -1;
      input.removeAttribute("aria-activedescendant");
      status.textContent =
        shown.length === 1 ? "1 kommune passer" : `${shown.length} kommuner passer`;
    };

    const pick = (index) => {
      input.value = shown[index].name;
      close();
    };

    input.addEventListener("input", open);
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          open();
        }
        if (shown.length) {
          const step = event.key === "ArrowDown" ? 1 : -1;
          setActive((active + step + shown.length) % shown.length);
        }
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        pick(active);
      } else if (event.key === "Escape") {
        if (list.hidden) {
          input.value = "";
        }
        close();
      }
    });
    input.addEventListener("blur", close);
    // mousedown, not click: the field keeps focus, so its blur does not close the list first.
    list.addEventListener("mousedown", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) {
        event.preventDefault();
        pick(Array.from(list.children).indexOf(option));
      }
    });
  };

  document.querySelectorAll("form[data-find-area]").forEach(enhance);
})();
