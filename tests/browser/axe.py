"""axe-core in a Playwright tab: the WCAG 2.1 A/AA rules the portal promises to pass."""

from pathlib import Path

AXE_JS = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async (tags) => {
    // Check the settled page, not a colour halfway through a CSS transition.
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(' '))
    }));
}"""


def axe_violations(page, tags: list[str] = AXE_TAGS) -> list[dict]:
    """The page's violations of the rules with these tags, each with its rule id, impact, help
    text and the selectors of the elements that break it; empty when the page passes."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, tags)


def describe(violations: list[dict], where: str) -> str:
    """One readable line per rule broken at `where`, with the elements that break it."""
    return "\n".join(
        f"- {v['id']} [{v['impact']}] ({v['help']}) on {where}:\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )
