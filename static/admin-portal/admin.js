"use strict";
// The portal's additions to the Django admin. A deferred classic script placed before the
// rich-text editor's modules: it runs after parsing and before them.
(function () {
    // 1. Tiptap (the prose editor) injects its base CSS as an inline <style>, which the Content
    //    Security Policy refuses. The same rules are in admin.css; an empty, inert placeholder
    //    tells Tiptap they are there. The site's policy allows exactly an empty inline style
    //    (its hash, SECURE_CSP in portal/settings.py); no other page needs the placeholder.
    const editors = document.querySelector(
        "[data-django-prose-editor-configurable], [data-django-prose-editor-default]"
    );
    if (editors && !document.querySelector("style[data-tiptap-style]")) {
        const placeholder = document.createElement("style");
        placeholder.setAttribute("type", "text/plain");
        placeholder.setAttribute("data-tiptap-style", "");
        document.head.append(placeholder);
    }

    // 2. Give each rich-text editor the label, help text and error state of its field, and let
    //    a click on the label focus it.
    document.addEventListener("prose-editor:ready", (event) => {
        const { editor, textarea } = event.detail;
        const surface = editor.view.dom;
        surface.setAttribute("role", "textbox");
        surface.setAttribute("aria-multiline", "true");
        if (!textarea.id) return;
        const label = document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`);
        if (label) {
            label.id = label.id || `${textarea.id}-label`;
            surface.setAttribute("aria-labelledby", label.id);
            label.addEventListener("click", () => editor.commands.focus());
        }
        const help = document.getElementById(`${textarea.id}_helptext`);
        if (help) surface.setAttribute("aria-describedby", help.id);
        if (textarea.getAttribute("aria-invalid") === "true") {
            surface.setAttribute("aria-invalid", "true");
        }
    });

    // 3. »Op«/»Ned« buttons of sortable inlines: move a saved row one place and renumber the
    //    hidden order fields the way django-admin-sortable2 does after a drag.
    const ROWS = ".inline-related.has_original, tr.has_original";

    function siblingsOf(row) {
        return Array.from(row.parentElement.children).filter((el) => el.matches(ROWS));
    }

    function renumber(row) {
        siblingsOf(row).forEach((item, index) => {
            const input = item.querySelector("input._reorder_");
            if (input) input.value = String(index + 1);
        });
    }

    function refreshButtons(group) {
        group.querySelectorAll(ROWS).forEach((row) => {
            const rows = siblingsOf(row);
            const position = rows.indexOf(row);
            const up = row.querySelector('[data-portal-move="up"]');
            const down = row.querySelector('[data-portal-move="down"]');
            if (up) up.disabled = position === 0;
            if (down) down.disabled = position === rows.length - 1;
        });
    }

    document.addEventListener("click", (event) => {
        const button = event.target.closest("button[data-portal-move]");
        if (!button) return;
        event.preventDefault();
        const row = button.closest(ROWS);
        const rows = siblingsOf(row);
        const position = rows.indexOf(row);
        const up = button.dataset.portalMove === "up";
        const target = rows[position + (up ? -1 : 1)];
        if (!target) return;
        target.insertAdjacentElement(up ? "beforebegin" : "afterend", row);
        renumber(row);
        const group = row.closest(".inline-group");
        refreshButtons(group);
        const status = group.querySelector("[data-portal-sort-status]");
        if (status) {
            status.textContent = `Flyttet til plads ${rows.indexOf(target) + 1} af ${rows.length}. Gem for at beholde rækkefølgen.`;
        }
        (button.disabled ? row.querySelector("button[data-portal-move]:not(:disabled)") : button)?.focus();
    });

    // 4. Django's autocomplete (select2) hides the labelled <select>; name its combobox and
    //    search box after the same label.
    function nameAutocompletes(root) {
        root.querySelectorAll("select.admin-autocomplete").forEach((select) => {
            const container = select.nextElementSibling;
            if (!select.id || !container || !container.classList.contains("select2")) return;
            const label = document.querySelector(`label[for="${CSS.escape(select.id)}"]`);
            if (!label) return;
            label.id = label.id || `${select.id}-label`;
            container.querySelectorAll(".select2-selection").forEach((box) => {
                const shown = box.querySelector(".select2-selection__rendered");
                box.setAttribute("aria-labelledby", shown?.id ? `${label.id} ${shown.id}` : label.id);
                shown?.setAttribute("aria-labelledby", label.id);
            });
            container.querySelectorAll(".select2-search__field").forEach((field) => {
                field.setAttribute("aria-labelledby", label.id);
            });
        });
    }
    window.addEventListener("load", () => nameAutocompletes(document));
    document.addEventListener("formset:added", (event) => nameAutocompletes(event.target));

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll(".inline-group").forEach((group) => {
            group.querySelectorAll("button[data-portal-move]").forEach((button) => {
                button.hidden = false;
            });
            refreshButtons(group);
            // A drag (adminsortable2) changes the order too.
            group.addEventListener("dragend", () => refreshButtons(group));
        });
    });
})();
