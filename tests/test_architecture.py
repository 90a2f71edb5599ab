"""The architecture README.md describes, checked against the code's own imports.

- `home`'s core imports no app and none of home's capability apps (they plug in through
  home.registry); apps import home.
- Models import no views or listing modules of their own app (those import the models:
  that is the circle to avoid). home's listing toolkit imports no model, so any model may
  use it; feed and calendar renderers take the page they render and import no model, so
  the pages' feed routes use them.
- No circle among the project's imports.
- An import inside a function only where app loading forces it, with a comment saying why;
  at most MAX_FUNCTION_IMPORTS of them in the whole project.
- No application module is longer than MAX_MODULE_LINES.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("home", "campaigns", "events", "openly")
APPS = ("campaigns", "events")
CAPABILITIES = (
    "home.language_check",
    "home.cocreation",
    "home.partners",
    "home.demo",
    "home.mail",
    "home.api",
    "home.embeds",
    "home.impact",
)
MAX_FUNCTION_IMPORTS = 30
MAX_MODULE_LINES = 400
# Modules of its own app a model module must never import: they import the models.
NOT_FROM_MODELS = ("views", "listing", "wagtail_hooks")


def _modules():
    for folder in ("home", "campaigns", "events", "site"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _dotted(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[0] == "site":
        parts[0] = "openly"
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(tree, path):
    """(module imported, line, inside a function?) for every project import."""
    package = _dotted(path) if path.name == "__init__.py" else _dotted(path).rpartition(".")[0]
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            names = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    module = ".".join(base + ([child.module] if child.module else []))
                else:
                    module = child.module or ""
                names = [module] + [f"{module}.{alias.name}" for alias in child.names]
            for name in names:
                if name.split(".")[0] in PROJECT:
                    found.append((name, child.lineno, in_function))
            visit(child, inside)

    visit(tree, False)
    return found


def _parsed():
    for path in _modules():
        source = path.read_text()
        yield path, source.splitlines(), _imports(ast.parse(source), path)


def _is_under(name, package):
    return name == package or name.startswith(package + ".")


def test_home_core_imports_no_app_and_no_capability():
    wrong = []
    for path, _lines, imports in _parsed():
        module = _dotted(path)
        if not _is_under(module, "home") or any(_is_under(module, c) for c in CAPABILITIES):
            continue
        for name, line, _inside in imports:
            if any(_is_under(name, other) for other in APPS + CAPABILITIES):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert wrong == []


def test_models_import_no_views_or_listing_code():
    wrong = []
    for path, _lines, imports in _parsed():
        module = _dotted(path)
        if ".models" not in f".{module}":
            continue
        app = f".{module}".split(".models")[0].lstrip(".")
        for name, line, _inside in imports:
            own = _is_under(name, app)
            if own and any(part in NOT_FROM_MODELS for part in name.split(".")):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert wrong == []


def test_function_level_imports_are_few_and_explained():
    inside = {}
    for path, lines, imports in _parsed():
        for _name, line, in_function in imports:
            if in_function:
                inside[(path.relative_to(ROOT), line)] = lines
    unexplained = [
        f"{path}:{line}"
        for (path, line), lines in inside.items()
        if "#" not in lines[line - 1] and "#" not in lines[line - 2]
    ]
    assert unexplained == [], "say beside each import why it cannot sit at the top"
    assert len(inside) <= MAX_FUNCTION_IMPORTS, sorted(f"{p}:{n}" for p, n in inside)


def test_no_module_is_too_long():
    long = {
        str(path.relative_to(ROOT)): len(lines)
        for path, lines, _imports in _parsed()
        if len(lines) > MAX_MODULE_LINES
    }
    assert long == {}


def test_module_level_imports_form_no_circle():
    """Imports can be drawn as arrows that never lead back (those inside AppConfig.ready()
    run once every app is loaded, so they are left out)."""
    known = {_dotted(path) for path in _modules()}
    arrows = {}
    for path, _lines, imports in _parsed():
        module = _dotted(path)
        if path.name == "apps.py":
            continue
        for name, _line, _inside in imports:
            target = name if name in known else name.rpartition(".")[0]
            if target in known and target != module:
                arrows.setdefault(module, set()).add(target)

    def circle_from(start):
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for target in arrows.get(node, ()):
                if target == start:
                    return trail + [start]
                if target not in seen:
                    seen.add(target)
                    stack.append((target, trail + [target]))
        return None

    circles = {" -> ".join(c) for c in map(circle_from, sorted(arrows)) if c}
    assert circles == set()
