// "Mit lokalråd": after htmx swaps a report panel in, move keyboard and screen-reader focus
// into it: to the first field with an error, else the success message or the panel heading.
// Without JavaScript the links and forms work as ordinary page loads.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target;
  if (!target || !target.id || !target.id.startsWith("panel-")) {
    return;
  }
  const focusable =
    target.querySelector('[aria-invalid="true"]') || target.querySelector("[data-autofocus]");
  if (focusable) {
    focusable.focus();
  }
});
