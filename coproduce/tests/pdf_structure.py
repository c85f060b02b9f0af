"""What makes a generated PDF usable with a screen reader, read from its structure tree
with pikepdf: tagged, the document's language and a title shown as the window title,
headings in order from one h1 without skipping a level, every figure with alternative
text, every table with header cells. `problems(pdf)` lists what fails, in words."""

import io

import pikepdf


def elements(node, found=None):
    """The structure elements in reading order, as their types ("/H1", "/P", ...)."""
    found = [] if found is None else found
    if isinstance(node, pikepdf.Array):
        for child in node:
            elements(child, found)
    elif isinstance(node, pikepdf.Dictionary):
        kind = node.get("/S")
        if kind is not None:
            found.append((str(kind), node))
        children = node.get("/K")
        if children is not None:
            elements(children, found)
    return found


def problems(content: bytes, *, language: str) -> list[str]:
    found = []
    pdf = pikepdf.open(io.BytesIO(content))
    root = pdf.Root
    if not (root.get("/MarkInfo") and root.MarkInfo.get("/Marked")):
        found.append("not marked as tagged (/MarkInfo /Marked)")
    tree = root.get("/StructTreeRoot")
    if tree is None:
        return [*found, "no structure tree: not tagged"]
    if str(root.get("/Lang", "")) != language:
        found.append(f"document language is {root.get('/Lang')!r}, not {language!r}")
    if not str(pdf.docinfo.get("/Title", "")).strip():
        found.append("no title")
    preferences = root.get("/ViewerPreferences")
    if not (preferences and preferences.get("/DisplayDocTitle")):
        found.append("the title is not shown as the window title (/DisplayDocTitle)")
    tagged = elements(tree.get("/K"))
    kinds = [kind for kind, _ in tagged]
    headings = [int(kind[2]) for kind in kinds if len(kind) == 3 and kind.startswith("/H")]
    if not headings or headings[0] != 1:
        found.append(f"does not start with an h1 (headings: {headings[:10]})")
    for before, after in zip(headings, headings[1:], strict=False):
        if after > before + 1:
            found.append(f"heading level jumps from h{before} to h{after}")
    if not {"/P", "/H1"} & set(kinds):
        found.append("no tagged text")
    for kind, node in tagged:
        if kind == "/Figure" and not str(node.get("/Alt", "")).strip():
            found.append("a figure without alternative text")
        if kind == "/Table" and "/TH" not in {k for k, _ in elements(node.get("/K"))}:
            found.append("a table without header cells")
    return found
