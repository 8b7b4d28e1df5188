// The plan workspace: reorder a list's parts by dragging their "Flyt" handle, or with the
// arrow keys while the handle has focus. The Op/Ned buttons stay the way without JavaScript.
//
// Markup (templates/workspace/plan/): a list carries data-sort-list and an id; its parts
// carry data-sort-item (and data-sort-group where only parts of the same group trade places,
// as the annual cycle's entries at the same time of year); a handle carries data-sort-handle
// and data-sort-url, the part's move address. On a drop the part's new place (1 the first,
// among its group) is posted there as "plads"; the fresh list is taken from the workspace the
// server answers with. A failed move restores the order and says so in Danish.
(() => {
  "use strict";

  const FAILED =
    "Flytningen blev ikke gemt, så rækkefølgen er sat tilbage. " +
    "Prøv igen, eller brug knapperne Op og Ned.";
  let drag = null; // {handle, item, list, next, dropped}

  document.documentElement.classList.add("workspace-sortable");

  function siblingsOf(item) {
    const group = item.dataset.sortGroup || "";
    return [...item.parentElement.children].filter(
      (candidate) =>
        candidate.matches("[data-sort-item]") && (candidate.dataset.sortGroup || "") === group,
    );
  }

  function placeOf(item) {
    return siblingsOf(item).indexOf(item) + 1;
  }

  // The part of the dragged one's list under the pointer: the nearest part around the event's
  // target that stands in the same list and group, if any.
  function partUnder(target) {
    let over = target.closest("[data-sort-item]");
    while (over && over.parentElement !== drag.list) {
      over = over.parentElement.closest("[data-sort-item]");
    }
    const group = drag.item.dataset.sortGroup || "";
    return over && (over.dataset.sortGroup || "") === group ? over : null;
  }

  function announce(text) {
    const status = document.getElementById("sortering-status");
    if (status) {
      status.textContent = text;
    }
  }

  function showFailure(list) {
    const alert = document.createElement("p");
    alert.className = "alert alert-danger sort-error";
    alert.setAttribute("role", "alert");
    alert.textContent = FAILED;
    list.before(alert);
  }

  function clearFailures() {
    document.querySelectorAll(".sort-error").forEach((alert) => alert.remove());
  }

  function csrfToken() {
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  // Post the part's new place, then swap in the list as the server now shows it (its numbers,
  // Op/Ned buttons and links); on any failure put the part back where it stood.
  async function save(move) {
    const { handle, item, list, next, keyboard } = move;
    const body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    body.append("plads", String(placeOf(item)));
    list.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(handle.dataset.sortUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById(list.id);
      if (!fresh) {
        throw new Error("no list in the answer");
      }
      list.replaceWith(fresh);
      if (window.htmx) {
        window.htmx.process(fresh);
      }
      const moved = document.getElementById(item.id);
      if (keyboard && moved) {
        moved.querySelector("[data-sort-handle]")?.focus();
      }
      announce(`Flyttet til plads ${placeOf(moved || item)}.`);
    } catch {
      list.insertBefore(item, next);
      list.removeAttribute("aria-busy");
      showFailure(list);
      if (keyboard) {
        handle.focus();
      }
    }
  }

  document.addEventListener("dragstart", (event) => {
    const handle = event.target.closest?.("[data-sort-handle]");
    const item = handle?.closest("[data-sort-item]");
    if (!item || !item.parentElement.matches("[data-sort-list][id]")) {
      return;
    }
    clearFailures();
    drag = { handle, item, list: item.parentElement, next: item.nextSibling, dropped: false };
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.id);
    event.dataTransfer.setDragImage(item, 16, 16);
    item.classList.add("is-dragging");
  });

  document.addEventListener("dragover", (event) => {
    if (!drag) {
      return;
    }
    const over = partUnder(event.target);
    if (!over) {
      return; // not a place in this list: no drop here
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (over === drag.item) {
      return;
    }
    // Past the middle of a part below it goes after that part; above the middle of a part
    // above, before it. Parts of unequal height so do not trade places back and forth.
    const box = over.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    const below = drag.item.compareDocumentPosition(over) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (below && event.clientY > middle) {
      drag.list.insertBefore(drag.item, over.nextSibling);
    } else if (!below && event.clientY < middle) {
      drag.list.insertBefore(drag.item, over);
    }
  });

  document.addEventListener("drop", (event) => {
    if (!drag || !partUnder(event.target)) {
      return;
    }
    event.preventDefault();
    drag.dropped = true;
    const move = drag;
    if (move.item.nextSibling !== move.next) {
      save(move);
    }
  });

  document.addEventListener("dragend", () => {
    if (!drag) {
      return;
    }
    drag.item.classList.remove("is-dragging");
    if (!drag.dropped) {
      drag.list.insertBefore(drag.item, drag.next); // cancelled (Escape, dropped elsewhere)
    }
    drag = null;
  });

  // Arrow up/down on a handle: the same move, one place, for keyboard users.
  document.addEventListener("keydown", (event) => {
    const handle = event.target.closest?.("[data-sort-handle]");
    if (!handle || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) {
      return;
    }
    const item = handle.closest("[data-sort-item]");
    const list = item?.parentElement;
    if (!list || !list.matches("[data-sort-list][id]")) {
      return;
    }
    event.preventDefault();
    const siblings = siblingsOf(item);
    const neighbour = siblings[siblings.indexOf(item) + (event.key === "ArrowUp" ? -1 : 1)];
    if (!neighbour) {
      return;
    }
    clearFailures();
    const next = item.nextSibling;
    list.insertBefore(item, event.key === "ArrowUp" ? neighbour : neighbour.nextSibling);
    handle.focus(); // moving a node takes the focus from it
    save({ handle, item, list, next, keyboard: true });
  });
})();
