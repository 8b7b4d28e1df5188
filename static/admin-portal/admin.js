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

    // 3. Plain text pasted from a PDF or a text file: lines beginning with "-", "–", "•", "*"
    //    or "1." / "1)" become a list, the other lines paragraphs. The same rule as the
    //    server's (base/lists.py), which also catches what arrives otherwise (HTML from other
    //    programs, no JavaScript): keep the two in step.
    const BULLET = /^(?:[-–*]\s+|[•●▪◦\uf0b7]\s*)(\S.*)$/u;
    const NUMBER = /^(\d{1,3})[.)]\s+(\S.*)$/u;
    const escapeHtml = (text) =>
        text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
    // A wrapped item's next line, as a PDF gives it, begins in lower case.
    const continues = (line) => /^\p{Ll}/u.test(line);

    function listsFromLines(text) {
        const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
        const kinds = lines.map((line) => {
            let match = BULLET.exec(line);
            if (match) return { kind: "ul", text: match[1].trim() };
            match = NUMBER.exec(line);
            if (match) return { kind: "ol", number: Number(match[1]), text: match[2].trim() };
            return { kind: null, text: line };
        });
        // A numbered line counts only in a run of two or more numbered one after another (a
        // line beginning "1. januar …" stays a paragraph); wrapped lines may stand between.
        for (let i = 0; i < kinds.length; ) {
            if (kinds[i].kind !== "ol") { i += 1; continue; }
            const run = [i];
            let j = i + 1;
            for (; j < kinds.length; j += 1) {
                if (kinds[j].kind === "ol" && kinds[j].number === kinds[run.at(-1)].number + 1) {
                    run.push(j);
                } else if (kinds[j].kind !== null || !continues(lines[j])) {
                    break;
                }
            }
            if (run.length === 1) {
                kinds[i] = { kind: null, text: lines[i] };
                j = i + 1;
            }
            i = j;
        }
        let inItem = false;
        kinds.forEach((entry, i) => {
            if (entry.kind === "ul" || entry.kind === "ol") inItem = true;
            else if (inItem && entry.kind === null && continues(lines[i])) entry.kind = "continued";
            else inItem = false;
        });
        if (!kinds.some((entry) => entry.kind)) return null;

        const out = [];
        let items = [];
        let listKind = null;
        let listStart = null;
        const flush = () => {
            if (items.length) {
                const start = listKind === "ol" && listStart !== 1 ? ` start="${listStart}"` : "";
                const body = items.map((item) => `<li><p>${escapeHtml(item)}</p></li>`).join("");
                out.push(`<${listKind}${start}>${body}</${listKind}>`);
            }
            items = [];
            listKind = null;
            listStart = null;
        };
        kinds.forEach((entry) => {
            if (entry.kind === "continued") {
                items[items.length - 1] += ` ${entry.text}`;
            } else if (entry.kind) {
                if (
                    entry.kind !== listKind ||
                    (entry.kind === "ol" && entry.number !== listStart + items.length)
                ) {
                    flush();
                    listKind = entry.kind;
                    listStart = entry.number ?? null;
                }
                items.push(entry.text);
            } else {
                flush();
                out.push(`<p>${escapeHtml(entry.text)}</p>`);
            }
        });
        flush();
        return out.join("");
    }

    // 4. The editor's dialogs use window.gettext (the admin's JavaScript catalog, Danish in
    //    locale/da/LC_MESSAGES/djangojs.po); its toolbar labels it leaves in English. Pass them
    //    through the same catalog, also the buttons the block-type menu clones as the selection
    //    moves.
    const translate = window.gettext || ((text) => text);

    function danishToolbar(root) {
        root.querySelectorAll("[title], [aria-label]").forEach((element) => {
            for (const name of ["title", "aria-label"]) {
                const value = element.getAttribute(name);
                if (value && translate(value) !== value) element.setAttribute(name, translate(value));
            }
        });
        root.querySelectorAll(".prose-menubar__option > *").forEach((option) => {
            const text = option.textContent;
            if (translate(text) !== text) option.textContent = translate(text);
        });
    }

    function watchToolbar(menubar) {
        if (menubar.dataset.portalDanish) return;
        menubar.dataset.portalDanish = "";
        danishToolbar(menubar);
        new MutationObserver(() => danishToolbar(menubar)).observe(menubar, {
            childList: true,
            subtree: true,
        });
    }

    document.addEventListener("prose-editor:ready", (event) => {
        const { editor } = event.detail;
        // The toolbar is added a moment after the editor is ready.
        const wrapper = editor.view.dom.closest(".prose-editor");
        if (wrapper) {
            const findToolbar = () => {
                const menubar = wrapper.querySelector(":scope > .prose-menubar");
                if (menubar) watchToolbar(menubar);
            };
            findToolbar();
            new MutationObserver(findToolbar).observe(wrapper, { childList: true });
        }
        editor.setOptions({
            editorProps: {
                ...editor.options.editorProps,
                // Only plain text: HTML from another program keeps its own structure here, and
                // the server makes its list-like lines lists when the text is saved.
                handlePaste(_view, pasteEvent) {
                    const data = pasteEvent.clipboardData;
                    if (!data || data.types.includes("text/html")) return false;
                    const html = listsFromLines(data.getData("text/plain"));
                    if (!html) return false;
                    editor.chain().focus().insertContent(html).run();
                    return true;
                },
            },
        });
    });

    // 5. »Op«/»Ned« buttons of sortable inlines: move a saved row one place and renumber the
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

    // 6. Django's autocomplete (select2) hides the labelled <select>; name its combobox and
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
